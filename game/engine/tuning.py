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
ALTERNATIVES_KEEP = 0.85    # share of the alternatives gained by turning to other partners kept each month
TRUST_FLOOR = 0.35         # promises are discounted to TRUST_FLOOR + (1 - TRUST_FLOOR) * trust/100
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

# Backsliding
BACKSLIDE_BASE = 0.02
BACKSLIDE_PRESSURE = 0.5
BACKSLIDE_OFFER_LIFTED = 0.6
HABIT = 0.25               # commitments held before the game are kept out of habit worth this much

# Behaviour model, version 2
NOISE_V2 = 0.05            # standard deviation of the day-to-day mood of a government
STANCE_SD = 0.09           # spread of a government's room for a deal this year, drawn once per game
PRESSURE_SCALE = 1.2       # stacked pressure p is felt as PRESSURE_SCALE * (1 - exp(-p / PRESSURE_SCALE))
PENDING_WEIGHT = 0.8       # another pending threat that the deal would also meet counts this much
PUBLIC_CREDIBILITY = 0.5   # a public threat closes this share of the gap between credibility and 100
PRIVATE_CREDIBILITY = 0.6  # a private threat is believed at this share of credibility
CRED_TARGET_SHARE = 0.6    # share of a credibility change toward one government that also marks its own record
CRED_LEVER_SHARE = 0.5     # share that marks the record of that kind of measure
CRED_OFFSET_KEEP = 0.97    # target and measure records fade this much a month toward the global reputation
RED_LINE_REFUSAL = 3.0     # how far below acceptable a refused red line or a level beyond capacity puts a deal
BARE_PREMIUM = 0.08        # a counter to a proposal that offered nothing asks this much more
LOWBALL_PREMIUM = 0.05     # each remembered low-ball raises the price of the next counter this much
LOWBALL_MAX = 4            # low-balls remembered at most
LOWBALL_FADE = 0.15        # chance a month that one remembered low-ball is forgotten
THREAT_FADE = 0.8          # the pressure behind a threat-won commitment keeps this share each month
RETALIATION_MONTHLY = 0.3  # monthly chance of hitting back under new coercion, times the retaliation chance
RETALIATION_AGE_KEEP = 0.7 # ... times this for every month since the measure was imposed
REMIT_COST_EXPOSURE = 1.5  # an ask's cost in remittances weighs min(1, this * exposure to remittances)
RETURN_POOL_RATE = 0.02    # at most this share of nationals in the US without status returned a month
STRANDED_APPROVAL = 0.15   # approval a government loses a month per 1k people stranded in it that month
STRANDED_BURDEN = 0.02     # priority units a month per 1k stranded that weigh on keeping a transit commitment
INTEL_SD = 0.22            # standard deviation of one intelligence reading
INTEL_Z80 = 1.2816         # half-width of an 80% interval in standard deviations
INTEL_TRAITS = ("pride", "reliability", "retaliation")  # traits intelligence estimates beside the priorities
LOW_APPROVAL_SLOPE = 60.0  # below LOW_APPROVAL, costs rise by (LOW_APPROVAL - approval) / this
CRED_GAIN_SLOWING = 0.6    # a credibility gain is cut by this share of the credibility already held
COUNTER_EXTRA_OFFER = 0.3  # asking for one more offer counts this much against a counter-offer's share kept
INTEL_RED_LINE = 0.5       # chance an intelligence report uncovers one red line still hidden
RETALIATION_RELATIONS = 5.0  # relations lost when a government hits back

# Scoring against the year with no actions: the change of an objective's 0-100 score, over the idle
# game, that counts as a full 100 points of gain (or -100 of loss); a mandate weighs the gains.
SCORE_SPAN = {
    "agreements": 50.0, "returns": 9.0, "border_flow": 40.0, "us_costs": 50.0,
    "relations": 12.0, "regional_standing": 40.0, "credibility": 30.0, "humanitarian": 40.0,
}
# The returns objective scores 100 when this many times the monthly returns of every ask met at its
# top level come back each month (removals made without any agreement count too).
SCORE_RETURNS_SCALE = 1.0
