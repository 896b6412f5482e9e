"""Named constants of the behaviour model, in one place, so they can be read and tuned.

Utilities are in "priority units per month": a government that weighs a dimension at 1.0 and loses
1.0 of it each month scores -1.0. Meters (relations, trust, approval, economy) run 0..100
(relations -100..100).
"""

# How governments weigh a deal
GOODWILL = 0.12            # relations/100 times this is added to every deal
GRIEVANCE = 0.22           # grievance/100 times this is subtracted
RESISTANCE = 0.14          # regional resistance/100 times this is subtracted (more under threat)
EXPECTATIONS = 0.12        # rewards seen elsewhere raise the price of cooperation
PRIDE_BASE = 0.10          # a public threat costs pride * (PRIDE_BASE + PRIDE_SOVEREIGNTY * sovereignty)
PRIDE_SOVEREIGNTY = 0.25
ALTERNATIVES_CUSHION = 0.6  # sticks lose this share of their bite against a country with alternatives = 1
TRUST_FLOOR = 0.35         # promises are discounted to TRUST_FLOOR + (1 - TRUST_FLOOR) * trust/100
NOISE = 0.03               # standard deviation of the day-to-day mood of a government
STALL_BAND = 0.12          # a deal this close to acceptable is stalled rather than rejected
COUNTER_MARGIN = 0.02      # a counter-offer must leave the government this much better off
LOW_APPROVAL = 40.0        # below this approval, concessions cost more

# Credibility ledger
CRED_THREAT_CARRIED = 6.0
CRED_THREAT_CARRIED_PUBLIC = 9.0
CRED_BLUFF = 9.0
CRED_BLUFF_PUBLIC = 15.0
CRED_PROMISE_KEPT = 2.0
CRED_PROMISE_BROKEN = 11.0
TRUST_BROKEN_TARGET = 25.0
TRUST_BROKEN_OTHERS = 5.0

# Regional reaction
RESIST_PUBLIC_THREAT = 9.0
RESIST_CARRY_OUT = 7.0
RESIST_DECAY = 0.85
EXPECT_REWARD = 6.0
EXPECT_DECAY = 0.9

# World dynamics, per month
ECONOMY_REVERT = 0.08
ECONOMY_SHOCK = 6.0
APPROVAL_REVERT = 0.05
APPROVAL_SHOCK = 5.0
RELATIONS_REVERT = 0.03
STICK_RELATIONS_DRAIN = 1.5
PUSH_ECONOMY = 0.9
PUSH_INSTABILITY = 1.2
MAX_ROUTE_CUT = 0.8
SURGE_DECAY = 0.6          # extra departures caused by events fade by this factor each month
OWN_TRANSIT_SHARE = 0.5    # a country's own transit enforcement stops this share as much of its own nationals
RETURNS_REMITTANCE_HIT = 0.8
RETALIATION_COST = 1.2     # domestic cost per month of counter-tariffs
RETALIATION_MONTHS = 3

# Backsliding
BACKSLIDE_BASE = 0.02
BACKSLIDE_PRESSURE = 0.5
BACKSLIDE_OFFER_LIFTED = 0.6
HABIT = 0.25               # commitments held before the game are kept out of habit worth this much

# Intelligence
INTEL_MARGIN = 0.32        # error margin after one effort; shrinks as 1/sqrt(effort)

# Scoring against the year with no actions: the change of an objective's 0-100 score, over the idle
# game, that counts as a full 100 points of gain (or -100 of loss); a mandate weighs the gains.
SCORE_SPAN = {
    "agreements": 50.0, "returns": 9.0, "border_flow": 40.0, "us_costs": 50.0,
    "relations": 12.0, "regional_standing": 40.0, "credibility": 30.0, "humanitarian": 40.0,
}
# The returns objective scores 100 when this many times the monthly returns of every ask met at its
# top level come back each month (removals made without any agreement count too).
SCORE_RETURNS_SCALE = 1.0
