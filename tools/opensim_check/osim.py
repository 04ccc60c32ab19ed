r"""Pose the muscle-driven OpenSim model, share the lumbar moment between its muscles, read L5/S1.

One OpenSim model (Beaucage-Gauvreau et al. 2019's lifting full-body model, as
adapted in the pose2sim repository) is posed as a hinge-sim posture by matching
the direction of each segment's chord in the sagittal plane::

        shoulder o            trunk chord: L5/S1 -> acromion (mid-point)
                 |\           arm chord:   acromion -> grip on the hand
                 | \          pelvis chord: hip centre -> L5/S1
           L5/S1 o  o grip    thigh, shank: knee -> hip, ankle -> knee
                /
           hip o

Static optimisation, as OpenSim's StaticOptimization tool does it with its
muscle physiology on: each muscle's force is ``a`` times its active fibre force
along the tendon at full activation in this pose (``F0`` times the model's
force-length curve times the cosine of pennation, rigid tendon, no velocity;
the model file switches passive fibre force off), ``0 <= a <= 1``; minimise
``sum(a**2)`` so that the muscles hold the generalised
force of gravity and the bar at the three independent lumbar coordinates
(flexion, lateral bending, axial rotation at L5/S1; the other levels follow by
the model's coordinate couplers). Moment arms and the generalised load are
derivatives of muscle lengths and potential energy with respect to each
coordinate, by central differences with the couplers enforced.

The joint reaction is OpenSim's own (``Joint.calcReactionOnChildExpressedInGround``)
with every independent coordinate locked, the bar as two external forces on the
hands and each muscle's tension overridden by the optimised force.

Usage
-----
1. ``lifter = OsimLifter(path, bar_weight)``; ``lifter.pose(points)`` with one
   posture's hinge-sim ``Result.points``
2. ``a, residual, load = lifter.activations()``
3. ``lifter.reactions(a * lifter.capacity)`` -> L5/S1 and L4/L5 reaction forces
   on the vertebra above (N, ground frame); ``lifter.net_moment("l5s1")`` (N m)
"""
import numpy as np
import opensim as osim

GRAVITY = 9.80665
"""Standard gravity (m/s^2), as the OpenSim model file states."""

LUMBAR = ("L5_S1_Flex_Ext", "L5_S1_Lat_Bending", "L5_S1_axial_rotation")
"""The independent lumbar coordinates the muscles must hold."""

GRIP_BELOW_WRIST = 0.08
"""Bar grip on the hand, along the hand's axis below the wrist (m): the hand
length of Dumas et al. 2007's man (wrist to third metacarpal head, 0.080 m);
the bar is taken to lie across the metacarpal heads [A]."""

STEP = 1e-4
"""Central-difference step for moment arms and generalised loads (rad)."""

LEVELS = {"l5s1": "L5_S1_IVDjnt", "l4l5": "L4_L5_IVDjnt"}
"""hinge-sim's name of each reported level -> the model's joint."""


def _vec(v):
    return np.array([v.get(0), v.get(1), v.get(2)])


class OsimLifter:
    """The OpenSim model, its posing and its static optimisation.

    Parameters
    ----------
    path : str or Path
        The ``.osim`` file.
    bar_weight : float
        Weight of the bar (N), shared equally by the two hands.
    """

    def __init__(self, path, bar_weight=0.0):
        osim.Logger.setLevelString("error")
        self.model = osim.Model(str(path))
        model = self.model
        forces = model.getForceSet()
        for i in range(forces.getSize()):
            if forces.get(i).getConcreteClassName() == "SmoothSphereHalfSpaceForce":
                forces.get(i).set_appliesForce(False)  # foot contact: the pelvis is held instead
        self.bar_weight = float(bar_weight)
        self._grip = osim.Vec3(0.0, -GRIP_BELOW_WRIST, 0.0)
        for side in ("r", "l"):
            push = osim.PrescribedForce(f"bar_{side}", model.getBodySet().get(f"hand_{side}"))
            push.setForceIsInGlobalFrame(True)
            push.setPointIsInGlobalFrame(False)
            push.setForceFunctions(osim.Constant(0.0), osim.Constant(-0.5 * self.bar_weight),
                                   osim.Constant(0.0))
            push.setPointFunctions(osim.Constant(0.0), osim.Constant(-GRIP_BELOW_WRIST),
                                   osim.Constant(0.0))
            model.addForce(push)
        self.state = model.initSystem()
        self.muscles = [model.getMuscles().get(i) for i in range(model.getMuscles().getSize())]
        coords = model.getCoordinateSet()
        self.coords = {coords.get(i).getName(): coords.get(i) for i in range(coords.getSize())}
        self.bodies = [model.getBodySet().get(i) for i in range(model.getBodySet().getSize())]
        self.masses = np.array([b.getMass() for b in self.bodies])
        self.above = {level: self._above(joint) for level, joint in LEVELS.items()}
        self._set("arm_add_r", 0.0)
        self._set("arm_add_l", 0.0)
        self._set("elbow_flex_r", 0.0)
        self._set("elbow_flex_l", 0.0)

    def _above(self, joint):
        """Mask of the bodies whose path to ground passes through ``joint``."""
        joints = self.model.getJointSet()
        parent = {}
        for i in range(joints.getSize()):
            j = joints.get(i)
            child = j.getChildFrame().findBaseFrame().getName()
            parent[child] = (j.getName(), j.getParentFrame().findBaseFrame().getName())

        def crosses(body):
            while body in parent:
                name, body = parent[body]
                if name == joint:
                    return True
            return False

        return np.array([crosses(b.getName()) for b in self.bodies])

    # --- reading the pose ---------------------------------------------------------------
    def _set(self, name, value, enforce=True):
        self.coords[name].setValue(self.state, float(value), enforce)
        self.model.realizePosition(self.state)

    def joint(self, name):
        """Centre of a joint (its child frame's origin) in ground (m, 3-vector)."""
        frame = self.model.getJointSet().get(name).getChildFrame()
        return _vec(frame.getPositionInGround(self.state))

    def grip(self, side="r"):
        """The bar's point of application on one hand, in ground (m)."""
        hand = self.model.getBodySet().get(f"hand_{side}")
        return _vec(hand.findStationLocationInGround(self.state, self._grip))

    def landmarks(self):
        """Sagittal (x forward, y up) positions of the chord ends (m)."""
        mid = lambda a, b: 0.5 * (a + b)  # noqa: E731
        return {"ankle": mid(self.joint("ankle_r"), self.joint("ankle_l"))[:2],
                "knee": mid(self.joint("walker_knee_r"), self.joint("walker_knee_l"))[:2],
                "hip": mid(self.joint("hip_r"), self.joint("hip_l"))[:2],
                "l5s1": self.joint("L5_S1_IVDjnt")[:2],
                "l4l5": self.joint("L4_L5_IVDjnt")[:2],
                "l3l4": self.joint("L3_L4_IVDjnt")[:2],
                "shoulder": mid(self.joint("acromial_r"), self.joint("acromial_l"))[:2],
                "hand": mid(self.grip("r"), self.grip("l"))[:2]}

    # --- posing -------------------------------------------------------------------------
    def pose(self, points):
        """Turn the model so that each chord has hinge-sim's direction.

        Parameters
        ----------
        points : dict
            hinge-sim ``Result.points`` of one posture (``ankle``, ``knee``,
            ``hip``, ``l5s1``, ``shoulder``, ``hand``; (2,) m).

        Returns
        -------
        dict
            The model's :meth:`landmarks` in that pose.

        Raises
        ------
        ValueError
            When no angle of a coordinate gives its chord hinge-sim's direction.
        """
        p = {k: np.asarray(v, float).reshape(-1)[:2] for k, v in points.items()
             if k in ("ankle", "knee", "hip", "l5s1", "shoulder", "hand")}
        chain = (("pelvis_tilt", ("hip", "l5s1"), None),
                 ("L5_S1_Flex_Ext", ("l5s1", "shoulder"), None),
                 ("arm_flex", ("shoulder", "hand"), ("arm_flex_r", "arm_flex_l")),
                 ("hip_flexion", ("knee", "hip"), ("hip_flexion_r", "hip_flexion_l")),
                 ("knee_angle", ("ankle", "knee"), ("knee_angle_r", "knee_angle_l")))
        for coord, (a, b), both in chain:
            names = both or (coord,)
            target = tilt(p[b] - p[a])

            def miss(q):
                for n in names:
                    self._set(n, q)
                marks = self.landmarks()
                return _wrap(tilt(marks[b] - marks[a]) - target)

            miss(_root(miss, self.coords[names[0]].getValue(self.state), coord))
        return self.landmarks()

    # --- static optimisation ------------------------------------------------------------
    def _lengths(self):
        return np.array([mu.getLength(self.state) for mu in self.muscles])

    def _energy(self):
        com = np.array([_vec(b.findStationLocationInGround(self.state, b.getMassCenter()))
                        for b in self.bodies])
        hands = self.grip("r")[1] + self.grip("l")[1]
        return GRAVITY * self.masses @ com[:, 1] + 0.5 * self.bar_weight * hands

    def derivatives(self, names=LUMBAR, coupled=True):
        """Moment arms (muscles x names, m) and generalised load (names, N m).

        ``arms[i, j] = -dL_i/dq_j``; ``load[j] = dV/dq_j`` with V the potential
        energy of gravity and the bar, so that equilibrium reads
        ``(a * strength) @ arms = load``. With ``coupled=False`` each coordinate
        turns alone, its couplers not enforced: the derivatives at one level.
        """
        arms, load = [], []
        for name in names:
            q0 = self.coords[name].getValue(self.state)
            self._set(name, q0 + STEP, coupled)
            up, e_up = self._lengths(), self._energy()
            self._set(name, q0 - STEP, coupled)
            down, e_down = self._lengths(), self._energy()
            self._set(name, q0, coupled)
            arms.append(-(up - down) / (2 * STEP))
            load.append((e_up - e_down) / (2 * STEP))
        return np.array(arms).T, np.array(load)

    def activations(self):
        """Activations minimising sum(a^2) with the lumbar load held, 0 <= a <= 1.

        Sets ``capacity``, each muscle's :meth:`strength` in this pose (N);
        the muscle forces are ``a * capacity``.

        Returns
        -------
        a : ndarray (muscles,)
        residual : ndarray (3,)
            Generalised load the muscles leave unheld (N m); zero unless the
            muscles are too weak.
        load : ndarray (3,)
            The generalised load (N m).
        """
        arms, load = self.derivatives()
        self.capacity = self.strength()
        gain = arms * self.capacity[:, None]  # N m per unit activation
        a = _least_squares_activation(gain.T, load)
        return a, load - a @ gain, load

    def strength(self):
        """Force of each muscle at full activation in this pose (N, along the tendon)."""
        s = self.state
        for mu in self.muscles:
            mu.setActivation(s, 1.0)
        self.model.realizeDynamics(s)
        out = np.array([mu.getActiveFiberForceAlongTendon(s) for mu in self.muscles])
        self.model.realizePosition(s)
        return out

    def reactions(self, forces):
        """Joint reactions on the vertebra above L5/S1 and L4/L5, in ground (N).

        On a copy of the state (locking in place would leave the independent
        coordinates stuck for later moment arms), every independent coordinate
        is locked (the pose is held) and each muscle's tension is overridden
        by ``forces``.
        """
        s = osim.State(self.state)
        for c in self.coords.values():
            if not c.isConstrained(s):
                c.setLocked(s, True)
        for mu, f in zip(self.muscles, forces):
            mu.overrideActuation(s, True)
            mu.setOverrideActuation(s, float(f))
        self.model.realizeAcceleration(s)
        return {key: _vec(self.model.getJointSet().get(name)
                          .calcReactionOnChildExpressedInGround(s).get(1))
                for key, name in LEVELS.items()}

    def net_moment(self, level="l5s1"):
        """Extensor moment (N m) about a level of gravity and the bar on everything above it."""
        centre = self.joint(LEVELS[level])[0]
        com = np.array([_vec(b.findStationLocationInGround(self.state, b.getMassCenter()))[0]
                        for b in self.bodies])
        above = self.above[level]
        grips = self.grip("r")[0] + self.grip("l")[0]
        return GRAVITY * self.masses[above] @ (com[above] - centre) + 0.5 * self.bar_weight * (
            grips - 2 * centre)


def tilt(v):
    """Angle of a sagittal vector from vertical, forward positive (rad)."""
    return np.arctan2(v[0], v[1])


def _wrap(a):
    return (a + np.pi) % (2 * np.pi) - np.pi


def _root(f, start, coord, tol=1e-6, iterations=40):
    """A root of ``f`` near ``start`` by secant steps (rad).

    Raises
    ------
    ValueError
        When no angle of ``coord`` reaches the target.
    """
    q0, q1 = start, start + 0.05
    f0, f1 = f(q0), f(q1)
    for _ in range(iterations):
        if abs(f1) < tol:
            return q1
        if f1 == f0:
            break
        q0, q1, f0 = q1, q1 - f1 * (q1 - q0) / (f1 - f0), f1
        f1 = f(q1)
    raise ValueError(f"no {coord} turns its chord to hinge-sim's direction "
                     f"(still {np.rad2deg(f1):.2g} deg off)")


def _least_squares_activation(gain, load, iterations=100):
    """Minimise ``sum(a**2)`` subject to ``gain @ a = load`` and ``0 <= a <= 1``.

    The dual of this problem: ``a = clip(gain.T @ lam, 0, 1)`` for the
    multipliers ``lam`` that solve ``gain @ a(lam) = load``, found by a
    semismooth Newton iteration on the free muscles (those with 0 < a < 1).
    If the muscles cannot hold the load, the least-squares fit is returned.
    """
    lam = np.zeros(len(load))
    for _ in range(iterations):
        raw = gain.T @ lam
        a = np.clip(raw, 0.0, 1.0)
        miss = load - gain @ a
        if np.abs(miss).max() < 1e-9 * (1.0 + np.abs(load).max()):
            break
        free = (raw > 0.0) & (raw < 1.0)
        if not free.any():
            free = raw > 0.0
        jac = gain[:, free] @ gain[:, free].T
        step = np.linalg.lstsq(jac + 1e-9 * np.eye(len(load)) * np.trace(jac), miss,
                               rcond=None)[0] if free.any() else miss / (gain ** 2).sum(1)
        lam = lam + step
    return np.clip(gain.T @ lam, 0.0, 1.0)
