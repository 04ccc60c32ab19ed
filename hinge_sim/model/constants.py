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

# Drawing only, no mechanics: the spine curve from L5/S1 to C7/T1 is a
# quadratic Bezier whose control point, a third of the way up, sits behind the
# chord by SPINE_BOW_ROUNDED * lambda - SPINE_BOW_NEUTRAL times its length
# (a slight lordosis standing, a bowed back when rounded) [A].
SPINE_BOW_NEUTRAL = 0.06
SPINE_BOW_ROUNDED = 0.30

# Ankle: how far the shank may lean back with the foot flat [A]; the forward
# (dorsiflexion) limit is Body(dorsiflexion=40) by default [R, assumed].
PLANTARFLEXION_LIMIT_DEG = 20.0

# Loads
PLATE_RADIUS = 0.225  # m, standard 450 mm plate (IWF/IPF) [V]
KETTLEBELL_HANG = 0.12  # m, handle to bell centre [A]

# L5/S1 disc model (Chaffin & Andersson; WATBAK, Cholewicki et al. 1991)
EXTENSOR_MOMENT_ARM = 0.06  # m [V, WATBAK]
EXTENSOR_ANGLE_NEUTRAL_DEG = 5.0  # deg behind compression axis [V, WATBAK]
MAX_LUMBAR_FLEXION_DEG = 55.0  # deg [R, 50-60]: Body(max_lumbar=...) default
PASSIVE_MOMENT_FULL_FLEXION = {"male": 120.0, "female": 77.0}  # N m, Dolan 1994 [V]
PASSIVE_MOMENT_STEEPNESS = 5.0  # exponential shape [A]
PASSIVE_SHEAR_ANGLE_DEG = 15.0  # passive force obliquity giving anterior shear [A]
IAP_FULL_BRACE_MMHG = 100.0  # mmHg [A]
MMHG = 133.3  # Pa per mmHg [V]
DIAPHRAGM_AREA = 0.0465  # m^2, Chaffin [R]
IAP_MOMENT_ARM = 0.11  # m, Chaffin [R]
ABDOMINAL_MOMENT_ARM = 0.10  # m, co-contraction flexor moment arm [A]

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
