"""Every numerical constant of the model, with its source.

Tags: [V] checked in the named source; [R] recalled, still to be checked
against the primary text (treated as an *assumption*); [A] an assumption of
this model. ``docs/model.md`` explains each one.
"""

GRAVITY = 9.81  # m/s^2, standard value [V]

# Dumas, Cheze & Verriest 2007, J Biomech 40:543-553, mean subjects: the
# table as kineticstoolkit ships it (data/anthropometrics/dumas_2007.csv) [V];
# tests/data/dumas_2007.csv is that table and tests/test_anthropometry.py
# checks every value below against it. Reference statures of the two mean
# subjects [R]: the table gives lengths in m for these subjects.
REFERENCE_STATURE = {"male": 1.77, "female": 1.61}  # m [R]

DUMAS_COLUMNS = ("length", "mass", "com_x", "com_y", "com_z", "r_xx", "r_yy", "r_zz")
"""Columns of :data:`DUMAS`: length (m, mean subject), mass (fraction of body
mass, one segment), centre of mass (fractions of length in the segment frame:
X anterior, Y along the segment, positive towards the proximal joint, Z
lateral) and radii of gyration about X, Y and Z (fractions of length). The
sagittal model turns about Z, so it uses ``r_zz``."""

# segment: (length, mass, com_x, com_y, com_z, r_xx, r_yy, r_zz)   [V]
# The one departure: the male shank ("Leg") mass is 0.048 as in the paper and
# in HuMoD's coding of it; the kineticstoolkit file has 0.045.
DUMAS = {
    "male": {
        "head": (0.244, 0.067, -0.062, 0.555, 0.001, 0.31, 0.25, 0.33),
        "trunk": (0.477, 0.333, -0.036, -0.420, -0.002, 0.27, 0.25, 0.28),
        "pelvis": (0.094, 0.142, 0.028, -0.280, -0.006, 1.01, 1.06, 0.95),
        "upper_arm": (0.271, 0.024, 0.017, -0.452, -0.026, 0.31, 0.14, 0.32),
        "forearm": (0.253, 0.017, 0.010, -0.417, 0.014, 0.28, 0.11, 0.27),
        "hand": (0.080, 0.006, 0.082, -0.839, 0.074, 0.61, 0.38, 0.56),
        "thigh": (0.432, 0.123, -0.041, -0.429, 0.033, 0.29, 0.15, 0.30),
        "shank": (0.433, 0.048, -0.048, -0.410, 0.007, 0.28, 0.10, 0.28),
        "foot": (0.183, 0.012, 0.382, -0.151, 0.026, 0.17, 0.37, 0.36),
    },
    "female": {
        "head": (0.221, 0.067, -0.070, 0.597, 0.000, 0.32, 0.27, 0.34),
        "trunk": (0.429, 0.304, -0.016, -0.436, -0.006, 0.29, 0.27, 0.29),
        "pelvis": (0.107, 0.146, -0.009, -0.232, 0.002, 0.91, 1.00, 0.79),
        "upper_arm": (0.243, 0.022, -0.073, -0.454, -0.028, 0.33, 0.17, 0.33),
        "forearm": (0.247, 0.013, 0.021, -0.411, 0.019, 0.26, 0.14, 0.25),
        "hand": (0.071, 0.005, 0.077, -0.768, 0.048, 0.63, 0.43, 0.58),
        "thigh": (0.379, 0.146, -0.077, -0.377, 0.009, 0.31, 0.19, 0.32),
        "shank": (0.388, 0.045, -0.049, -0.404, 0.031, 0.28, 0.10, 0.28),
        "foot": (0.165, 0.010, 0.270, -0.218, 0.039, 0.17, 0.36, 0.35),
    },
}
DUMAS_NAMES = {"HeadNeck": "head", "Thorax": "trunk", "Pelvis": "pelvis", "Arm": "upper_arm",
               "Forearm": "forearm", "Hand": "hand", "Thigh": "thigh", "Leg": "shank",
               "Foot": "foot"}
"""Dumas' segment names -> the names used here."""

# Pelvis geometry, Reed et al. 1999 via kineticstoolkit [V]: the hip -> L5/S1
# line leans backward from vertical when standing.
PELVIS_TILT_STANDING_DEG = {"male": -8.0, "female": -12.0}

# Foot: ankle height 0.039 H, foot length 0.152 H (Drillis & Contini 1966) [V];
# ankle 0.048 m in front of the heel for a 0.266 m foot -> 0.18 of foot length [V].
ANKLE_HEIGHT_PER_STATURE = 0.039
FOOT_LENGTH_PER_STATURE = 0.152
HEEL_TO_ANKLE_PER_FOOT = 0.18

# Shoulder (glenohumeral) joint centre on the trunk chord, as a fraction of
# trunk length below C7/T1 [A]: 0.19 puts it at 0.80 H standing, about 4 cm
# below the acromion height of 0.818 H (Winter 2009, Fig. 4.1, after Drillis
# & Contini 1966) [R].
SHOULDER_BELOW_C7 = 0.19

# Grip height standing, arms hanging: wrist 0.485 H less 40 % of the hand
# length 0.108 H (Winter 2009, Fig. 4.1, after Drillis & Contini 1966) [R];
# the bar sits in the fingers, 40 % down the hand [A]. Dumas' joint-centre arm
# (shoulder to hand centre of mass) falls about 4 cm short of this; the arm is
# scaled so the mean subject's standing grip is at this height.
GRIP_HEIGHT_PER_STATURE = 0.442

# Dowel check: sacrum contact point, behind and below L5/S1, at 1.77 m
# stature (scaled with stature) [A]. The lifter's standing spine is taken as
# the neutral curve on which head, upper back and sacrum touch the dowel [A].
SACRUM_BEHIND_L5S1 = 0.06  # m [A]
SACRUM_BELOW_L5S1 = 0.10  # m [A]

# Ankle: how far the shank may lean back with the foot flat [A]; the forward
# (dorsiflexion) limit is Body(dorsiflexion=40) by default [R, assumed].
PLANTARFLEXION_LIMIT_DEG = 20.0

# Loads
PLATE_RADIUS = 0.225  # m, standard 450 mm plate (IWF/IPF) [V]
KETTLEBELL_HANG = 0.12  # m, handle to bell centre [A]

# Lumbar spine geometry (hinge_sim.model.lumbar)
# Sacral slope standing: 709 asymptomatic adults, mean +- 2 SD 24-55 deg, no
# sex difference (Mac-Thiong et al. 2011, Eur Spine J 20 Suppl 5:572) [V];
# the mean is the middle of that range.
SACRAL_SLOPE_STANDING_DEG = 39.5
# Share of lumbar flexion taken by L5/S1, L4/L5, L3/L4, L2/L3, L1/L2: the
# flexion coupling of Christophy et al. 2012's lumbar model (Biomech Model
# Mechanobiol 11:19), read from its OpenSim file [V]. L5/S1 takes the least.
LUMBAR_FLEXION_SHARE = (0.125, 0.185, 0.204, 0.231, 0.255)
# Joint centre of each level above L5/S1 from the one below, (anterior, up) in
# m, standing: Christophy et al. 2012's model [V]; the lordosis is in these
# offsets. Scaled with trunk length, taken as Dumas' mean man [A].
LUMBAR_JOINT_OFFSETS = ((0.010, 0.0296), (0.0, 0.032), (-0.008, 0.0312), (-0.010, 0.025))

# Disc loads (hinge_sim.model.spine): one equivalent extensor per level,
# passive tissues, abdominal bracing and intra-abdominal pressure.
EXTENSOR_MOMENT_ARM = 0.06  # m, WATBAK (Cholewicki, McGill & Norman 1991) [V]
# Full lumbar flexion shortens the extensor moment arms: "no more than 18 %"
# loss of extensor moment (Macintosh, Bogduk & Pearcy 1993, Spine 18:884) [V];
# the model takes that bound, linearly in flexion [A].
EXTENSOR_ARM_LOSS_FULL_FLEXION = 0.18
# "oblique" extensor line (McGill, Hughson & Parks 2000 mechanism [R]): in the
# standing curve the extensors pull the upper vertebra back and down at this
# angle to the disc normal, and lose it linearly by full flexion. The angle is
# an assumption: twice WATBAK's 5 deg for the whole group; no published value
# was found for it [A].
EXTENSOR_OBLIQUITY_NEUTRAL_DEG = 10.0
MAX_LUMBAR_FLEXION_DEG = 55.0  # deg [R, 50-60]: Body(max_lumbar=...) default
# Passive extensor moment of the lumbar tissues (Dolan, Mannion & Adams 1994,
# J Biomech 27:1077) [V]: about 25 N m in lordotic postures, 120 N m (men) and
# 77 N m (women) at full flexion. "Lordotic" is read as 40 % of the range from
# standing to full flexion [A]; the curve between is linear plus exponential
# with this steepness [A], and passes through both published points.
PASSIVE_MOMENT_FULL_FLEXION = {"male": 120.0, "female": 77.0}  # N m [V]
PASSIVE_MOMENT_LORDOTIC = 25.0  # N m [V]
LORDOTIC_FLEXION_FRACTION = 0.4  # of full flexion [A]
PASSIVE_MOMENT_STEEPNESS = 5.0  # [A]
# Who carries it: the disc 29 %, ligaments and capsules the rest (Adams,
# Hutton & Stott 1980, Spine 5:245) [R]. The disc's share is a pure moment;
# the ligaments pull on this moment arm [A], angled so that they push the
# upper vertebra forward (interspinous fibres, Heylings 1978 [R]; angle [A]).
DISC_SHARE_OF_PASSIVE = 0.29
LIGAMENT_MOMENT_ARM = 0.045  # m [A]
LIGAMENT_ANGLE_DEG = 15.0  # deg from the disc normal, anterior shear [A]
IAP_FULL_BRACE_MMHG = 100.0  # mmHg [A]
MMHG = 133.3  # Pa per mmHg [V]
DIAPHRAGM_AREA = 0.0465  # m^2, Chaffin [R]
IAP_MOMENT_ARM = 0.11  # m, Chaffin [R]
ABDOMINAL_MOMENT_ARM = 0.10  # m, abdominal flexor moment arm [A]
# Bracing: the abdominal wall that makes the pressure pulls with a flexor
# moment larger than the pressure's extensor moment (McGill & Norman 1987:
# no net unloading [R]); by this factor [A]. The extensors pay the difference.
ABDOMINAL_COCONTRACTION_RATIO = 1.25
# Antagonist co-contraction without a brace: lifting, the abdominal flexors
# are active against the extensors (Cholewicki, Panjabi & Khachatryan 1997,
# Spine 22:2207: antagonist co-activation around the neutral spine, rising
# with the load [R]). Models without it under-call compression by 12-18 %
# (Granata & Marras 1995, Spine 20:913 [R]). The model's antagonists pull
# with this share of the extensors' moment [A], set so that they add 15 %
# (the middle of 12-18 %) to the extensor-driven compression: with arms E and
# d, (1 + k E / d) / (1 - k) = 1.15 gives k = 0.15 / (1.15 + E / d).
COCONTRACTION_COMPRESSION_RISE = 0.15  # [R] middle of 12-18 %
# Scaling with the lifter [A]: moment arms grow with trunk depth, taken as
# proportional to stature (geometric similarity), areas with its square, passive
# moments with its cube (area times arm). Not with mass: Wood, Pearsall, Ross &
# Reid 1996 (Clin Biomech 11:139, abstract; MRI at L4/L5, 26 men of body-mass
# index 19.7-39.5) found minimal lean-obese differences in the moment arms.
# No published regression of the arms on stature was at hand (Jorgensen et al.
# 2001's coefficients were not). The constants above hold for these reference
# statures (WATBAK's young men; Dolan's women assumed 1.62 m).
REFERENCE_LIFTER = {"male": 1.75, "female": 1.62}  # stature (m) [A]

# Strength (hinge_sim.model.strength). Static joint strength of a working
# population, as 3DSSPP rates it: a joint's moment is "held" by the share of
# that population whose strength exceeds it, strength normally distributed
# (Chaffin, Andersson & Martin, Occupational Biomechanics; Stobbe 1982's
# industrial workers) [R: values recalled, to be checked against the table].
# (mean, SD) in N m; hip, knee and ankle per leg (the model's lumped moment
# is shared equally by both legs [A]); L5/S1 for the trunk extensors.
STRENGTH_POPULATION = {
    "male": {"l5s1": (280.0, 80.0), "hip": (200.0, 60.0), "knee": (190.0, 55.0),
             "ankle": (140.0, 40.0)},
    "female": {"l5s1": (175.0, 50.0), "hip": (120.0, 40.0), "knee": (125.0, 35.0),
               "ankle": (100.0, 30.0)},
}
# Trained lifters: national-level powerlifters reached peak moments of 988 N m
# at L4/L5 and 1047 N m at the hips in heavy pulls (Cholewicki, McGill & Norman
# 1991) [V]; those are taken as a trained man's maximal moments at L5/S1 and
# both hips for 90 kg of body mass [A], scaled with body mass to the 2/3 power
# (allometric scaling of strength, Jaric 2002, Sports Med 32:615 [R]). Knee
# and ankle get the hip's trained-to-population ratio [A]; women the
# population's female-to-male ratio [A]; SD 15 % of the mean [A].
STRENGTH_TRAINED_MALE_90KG = {"l5s1": 988.0, "hip": 1047.0 / 2}  # N m (hip per leg)
STRENGTH_TRAINED_MASS = 90.0  # kg [A]
STRENGTH_MASS_EXPONENT = 2.0 / 3.0  # [R]
STRENGTH_TRAINED_CV = 0.15  # [A]

# Shoulder strength (hinge_sim.model.strength.shoulder_capable): static flexion
# torque of one shoulder at 45 deg of flexion, 26 young men, 68.6 N m (89.9 N m at
# 0 deg); the 25 women "on average, half" of the men's ("Dynamic shoulder flexion
# strength for use in occupational risk analysis and clinical assessment", KIN-COM
# dynamometer) [V, abstract]. 45 deg is taken as the swing's arc (10 to 90 deg) [A].
SHOULDER_FLEXION_STRENGTH = {"male": 68.6, "female": 34.3}  # N m, one arm [V]
# Extension is stronger than flexion by 5:4 (isokinetic testing of 31 normal
# volunteers, Arch Phys Med Rehabil 1985, 66:384) [V, abstract]
SHOULDER_EXTENSION_RATIO = 1.25  # [V]
# SD over mean of the shoulder's population strength: the men's L5/S1, hip, knee
# and ankle rows of STRENGTH_POPULATION all give 0.29 (80/280, 60/200, 55/190,
# 40/140) [A]
SHOULDER_STRENGTH_CV = 0.29  # [A]
# A joint moment is flagged as beyond this lifter's population when fewer than this
# share of it could hold the moment [A]: the smaller of the shares NIOSH 1981's
# maximum permissible limit leaves capable (25 % of men, 1 % of women; Work
# Practices Guide for Manual Lifting, via Chaffin, Andersson & Martin) [R].
STRENGTH_FLAG_SHARE = 0.01  # [A]

# The floor (hinge_sim.model.demands): the feet stay put only while the horizontal
# ground force is at most this many times the vertical one. Traction coefficients of
# court shoes near 0.8 (an optimal 0.82 for sprints, Luo & Stefanyshyn 2011 [R: read
# in a review's summary]); taken for training shoes on a gym floor [A].
SHOE_FLOOR_FRICTION = 0.8  # [R] + [A]

# Load and speed: mean concentric velocity against the load's share of the
# one-repetition maximum (1RM), full squat: %1RM = a v^2 + b v + c with v the
# mean propulsive velocity (m/s) (Sanchez-Medina, Pallares, Perez, Moran-Navarro
# & Gonzalez-Badillo 2017, Sports Med Int Open 1:E80-E88, doi:10.1055/s-0043-102933;
# 80 strength-trained men; mean velocity at 1RM 0.32 +/- 0.03 m/s [V], which these
# coefficients give as 100 % [R, coefficients not yet read in the paper]);
# taken for the hinge's rise [A] (deadlifts end slower: 0.14 m/s at 1RM in
# powerlifters, Helms et al. 2017 [R]).
LOAD_VELOCITY = (-5.961, -50.71, 117.0)  # (a, b, c), %1RM per (m/s)^k [R]; 100 % at 0.32 m/s [V]

# Limits
COMPRESSION_LIMITS = (3400.0, 6400.0)  # N, NIOSH 1981 action / maximum [V]
SHEAR_LIMITS = (700.0, 1000.0)  # N, Gallagher & Marras 2012 [R]

# Fatigue over a set [A]: at fatigue = 1, each rep after the first moves this
# much of the bottom position's hip flexion into lumbar flexion (same trunk
# lean, more rounding) and lets the bar drift this far forward of the midfoot.
# Chosen to make the direction of the published pattern visible (more lumbar
# flexion and a load further from the body as a lifting set goes on); the
# size is not fitted to any data.
FATIGUE_LUMBAR_DEG_PER_REP = 2.0  # deg per rep [A]
FATIGUE_BAR_M_PER_REP = 0.01  # m per rep [A]

# Balance gauge: a centre of pressure within this distance of the heel or the
# toes leaves little room to correct a sway, about 15 % of a 0.27 m foot [A].
BALANCE_CAUTION = 0.04  # m [A]
# A centre of pressure closer than this to the heel or toe is on the edge: tipping,
# not balanced, so weight_shift = -1 (+1) is refused the same on every machine [A]
EDGE_TOLERANCE = 1e-9  # m

# Kettlebell swing (hinge_sim.model.swing, docs/model.md section 9.2): a
# two-handed Russian swing, the straight arms reaching about shoulder height.
# McGill & Marshall 2012 (J Strength Cond Res 26:16-27) measured swings with a
# 16 kg bell [V, abstract]. The cycle time and the angles at the top and the
# bottom of the backswing are this model's choice [A]: a hip-dominant swing
# (knees a little bent, the trunk hinged well forward, the forearms along the
# inner thighs at the bottom), no published table of swing angles was at hand.
SWING_BELL = 16.0  # kg, McGill & Marshall 2012's bell [V]
# "about 3,200 N of low back compression" in their 16 kg swings [V, abstract]
SWING_MEASURED_COMPRESSION = 3200.0  # N [V]
# one swing top to top [A]; inside the "more than 40 swings a minute" (under
# 1.5 s) of one instructor's hardstyle swings (Meigh, Hing, Schram & Keogh
# 2021, bioRxiv 10.1101/2021.05.13.444085 [V, abstract])
SWING_PERIOD = 1.1  # s [A]
SWING_TOP = {"knee": 5.0, "hip": 0.0, "lumbar": 0.0, "arm": 90.0}  # deg [A]
SWING_BOTTOM = {"knee": 25.0, "hip": 70.0, "lumbar": 5.0, "arm": 10.0}  # deg [A]
# One curve for every angle, (1 - cos psi) / 2 with psi = phi - dwell sin(phi)
# (hinge_sim.model.swing.profile): a dwell above 0 lingers at the top and
# hurries through the bottom, below 0 the other way. The value is the one (in
# steps of 0.05 from -0.2 to 0.4) that asks least of the shoulders over the
# cycle, the arms guiding the bell rather than lifting it: a plain cosine,
# whose largest shoulder moment is 188 N m (212 at 0.05, 221 at -0.05) for
# the 1.75 m, 75 kg man and 16 kg [A].
SWING_DWELL = 0.0  # [A]
# The shank's lean over a swing is a Fourier series of this many harmonics of
# the cycle, fitted so that the centre of pressure stays over the midfoot
# (hinge_sim.model.swing.shank_lean); 10 keep it within 1 mm for the default
# swing and a 1.9 m man with 32 kg (6 left 2.7 cm there) [A].
SWING_LEAN_HARMONICS = 10  # [A]
# ... fitted at this many evenly spaced instants of one cycle, the same at every
# frame rate shown (a few per harmonic and more) [A].
SWING_LEAN_FIT_POINTS = 200  # [A]
