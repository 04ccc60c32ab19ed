"""Lesson 9, from hinge to sport: the answers to its two predictions.

Light, fast RDLs are what the lesson recommends for power, as the article does
("controlled descent and explosive return"). The Tempo player's own X rise
(0.5 s, :data:`hinge_sim.model.motion.EXPLOSIVE_S`, an assumption) is too fast for
the model to stay balanced at any load, even an empty dowel, because its path
never shifts the pressure under the foot; so the lesson's fast rep is the fastest
rise the model can follow at a light load (:data:`FAST`), and it shows why X
trips the warning.

Usage
-----
1. ``power_answer()``: the Tempo player at a light fast rep, slow against fast, and why.
2. ``pull_answer()``: the pulling position with a drifting bar, and why.
3. ``swing_answer()``: the Swing player with a 16 kg bell against a controlled 60 kg RDL,
   the measured swing, and why.
4. ``swing_check()``: the self-check after the swing is played (a slower swing or a heavier
   bell), its answer and numbers from the model; ``swing_changes()`` gives those numbers.
"""

import numpy as np

from ..coaching import training
from ..model import constants, presets
from ..model.analysis import analyze, simulate
from ..model.body import Body
from ..model.constants import COMPRESSION_LIMITS
from ..model.loads import Barbell
from ..model.motion import EXPLOSIVE_S
from ..model.pose import Posture
from ..model.swing import swing
from ..ui import Explorer, TempoPlayer
from ..ui.quiz import Quiz
from ..ui.swing_player import SwingPlayer
from . import Answer, num, percent

LIGHT = 20.0  # kg: an empty men's bar, about a quarter of the lifter's weight
HEAVY = 40.0  # kg
SLOW, FAST = "3-1-3-0", "2-1-0.6-0"  # FAST: a 0.6 s rise, the model stays balanced
X_TEMPO = "21X0"
PULL_LOAD = 80.0  # kg
PULL_DRIFTS = (0.0, 0.05, 0.10)  # m
SWING_RDL = 60.0  # kg: the bar the 16 kg swing is set against, lowered and lifted at SLOW
SWING_SLOWER = 1.5  # s: one swing, top to top, the slower swing the learner tries
SWING_HEAVIER = 24.0  # kg: the heavier bell the learner tries, the next common size up from 16
SAME_CHANGE = 0.15  # two changes of the peak within 15 % of each other count as "about the same"


def setup():
    """Return the lesson's lifter, top and bottom postures."""
    return (
        presets.lifter("average man"),
        presets.posture("standing"),
        presets.posture("textbook hinge"),
    )


def rep(tempo, kg, fps):
    """Simulate one rep of the lesson at ``tempo`` with ``kg`` on the bar."""
    body, top, bottom = setup()
    return simulate(body, top, bottom, tempo, Barbell(kg), fps=fps)


def power_answer():
    """Build the Tempo player at the light fast rep, the slow-against-fast table, and the words."""
    player = TempoPlayer(tempo=FAST, load=LIGHT)
    body, top, bottom = setup()
    slow, fast = rows = training.compare_tempos(
        body, top, bottom, Barbell(LIGHT), (SLOW, FAST), fps=player.fps
    )
    heavy_fast, heavy_slow = (
        training.compare_tempos(body, top, bottom, Barbell(HEAVY), (t,), fps=player.fps)[0]
        for t in (FAST, SLOW)
    )
    x_light, x_empty = (
        rep(X_TEMPO, LIGHT, player.fps),
        simulate(body, top, bottom, X_TEMPO, presets.load("dowel"), fps=player.fps),
    )
    table = training.table(
        rows,
        [
            "tempo",
            "rise",
            "hip work",
            "peak hip power",
            "hip power per kg",
            "peak hip moment",
            "peak compression",
        ],
    )
    words = (
        "Rise in s, hip work in J, peak hip power in W and W per kg of body mass, peak hip "
        f"moment in N·m, peak compression in N ({LIGHT:.0f} kg):\n\n{table}\n\n"
        f"**Explain.** The hip does about the same work in both reps ({slow['hip work']:.0f} J "
        f"and {fast['hip work']:.0f} J), but the fast rep makes "
        f"{fast['peak hip power'] / slow['peak hip power']:.0f} times the peak power "
        f"({fast['peak hip power']:.0f} W against {slow['peak hip power']:.0f} W). That is the "
        "part of the hinge that carries over to sport: the intent to straighten the hips *fast*, "
        "with the trunk still.\n\n"
        "The cost comes with it: the fast rep's peak compression is "
        f"{fast['peak compression'] / slow['peak compression']:.1f} times the slow rep's. With "
        f"{HEAVY:.0f} kg the same fast rise peaks at {heavy_fast['peak compression']:.0f} N "
        f"against {fast['peak compression']:.0f} N at {LIGHT:.0f} kg, so speed work uses light "
        "loads and a rock-solid position.\n\n"
        f"**Why not {X_TEMPO}?** Type it into the tempo box: the player warns that the rise is "
        "too fast to stay balanced, and its peaks climb "
        f"({num(np.max(np.abs(x_light.disc['compression']))):.0f} N at {LIGHT:.0f} kg). The "
        f"warning is the model's, not the athlete's: its X is a {EXPLOSIVE_S:g} s rise from a dead "
        "stop along one smooth path that is balanced for a still pose, and the model never shifts "
        "the pressure under the foot as a lifter does. Even with an empty dowel that rise "
        f"{'trips' if not x_empty.balanced.all() else 'does not trip'} the warning. So the "
        "advice stands (light, fast, the back still), and a rise of about "
        f"{FAST.split('-')[2]} s is as fast as this model can follow and stay balanced.\n\n"
        "**What this model cannot say about sprinting.** It is a two-legged, feet-on-the-floor, "
        "side-view model with rigid segments and no tendons. A sprint is one leg at a time, in "
        "flight half the time, and it relies on elastic energy stored and returned by tendons "
        "and stretched muscles. None of that is in the model. It can show that a fast hip "
        "extension needs much more power than a slow one, but not how much of a hinge's strength "
        "or power transfers to sprint speed. That is a question for training studies, not for "
        "this model."
    )
    return Answer(
        player,
        words,
        slow=slow,
        fast=fast,
        heavy_fast=heavy_fast,
        heavy_slow=heavy_slow,
        x_light=x_light,
        x_empty=x_empty,
    )


def pull_answer():
    """Build the Explorer in the pulling position, the drift rows, and the words."""
    panel = Explorer(
        load=PULL_LOAD, show=["bar", "load"], overlays=("com", "midfoot", "hip_to_bar")
    )
    panel.set(**training.PULLING_POSITION, bar=0.0)
    body = setup()[0]
    d = analyze(
        body,
        Posture(**training.PULLING_POSITION, bar=list(PULL_DRIFTS)),
        presets.load("RDL", PULL_LOAD),
    )
    lines = "\n".join(
        f"- bar {100 * cm:.0f} cm forward: hip-to-bar {100 * d.metrics['hip_to_bar'][i]:.0f} cm, "
        f"hip {d.moments['hip'][i]:.0f} N·m, L5/S1 {d.moments['l5s1'][i]:.0f} N·m, "
        f"compression {d.disc['compression'][i]:.0f} N"
        for i, cm in enumerate(PULL_DRIFTS)
    )
    l5 = d.moments["l5s1"]
    per_cm = float(l5[-1] - l5[0]) / (100 * PULL_DRIFTS[-1])
    over = d.disc["compression"][-1] > COMPRESSION_LIMITS[1]
    past = f" past the {COMPRESSION_LIMITS[1]:.0f} N maximum limit" if over else ""
    words = (
        f"{lines}\n\n"
        f"**Explain.** With the bar {100 * PULL_DRIFTS[-1]:.0f} cm forward, the lifter must shift "
        "the hips back to keep the weight over the midfoot, so the hip-to-bar distance grows "
        f"{d.metrics['hip_to_bar'][-1] / d.metrics['hip_to_bar'][0]:.1f} times. The hips and "
        f"lower back hold the same {PULL_LOAD:.0f} kg on a much longer lever. The L5/S1 moment "
        f"rises by {percent(l5[-1], l5[0]):.0f} %, and the compression rises with it"
        f"{past}. "
        f"Each centimetre of drift costs the lower back about {per_cm:.0f} N·m here. For a "
        "weightlifter, that force goes into holding the bar out in front instead of driving it "
        "up. A bar that swings forward also has to be caught forward. So the coaching cues are "
        '"sweep the bar into the thighs", "shoulders over the bar" and "lats tight". These '
        'are the same hinge cues as "bar over the midfoot", only faster.'
    )
    return Answer(panel, words, drifts=d, per_cm=per_cm)


def swing_answer():
    """Build the Swing player at 16 kg, the controlled 60 kg RDL beside it, and the words."""
    player = SwingPlayer(bell=constants.SWING_BELL)
    body = player.body
    sw, rdl = player.summary, rep(SLOW, SWING_RDL, player.fps).summary()
    slower = swing(body, bell=constants.SWING_BELL, period=SWING_SLOWER, fps=player.fps)
    measured = constants.SWING_MEASURED_COMPRESSION
    bottom = int(np.argmin(np.abs(player.rep.t - 0.5 * player.rep.t[-1])))
    shear = num(player.rep.disc["shear_l4l5"][bottom])
    chord = swing(Body(**presets.LIFTERS["average man"], extensor_line="chord"),
                  bell=constants.SWING_BELL, fps=player.fps)
    chord_shear = num(chord.disc["shear_l4l5"][bottom])
    rdl_shear = num(analyze(body, setup()[2], Barbell(SWING_RDL)).disc["shear_l4l5"])
    peak, bar = sw["peak compression"], rdl["peak compression"]
    words = (
        f"Peak L5/S1 compression: the {constants.SWING_BELL:.0f} kg swing, one every "
        f"{player.rep.t[-1]:.1f} s, **{peak:.0f} N**; the {SWING_RDL:.0f} kg RDL at {SLOW}, "
        f"**{bar:.0f} N**.\n\n"
        f"**Explain.** The bell is about a quarter of the bar, but it moves: it drops from "
        f"shoulder height, is turned between the thighs and thrown forward again in about a "
        f"second, and the back holds it and the swinging trunk at arm's length all the way. In "
        f"the model the swing's peak is {peak / bar:.1f} times the controlled RDL's. Slow the "
        f"swing to {SWING_SLOWER:g} s and the peak falls to "
        f"{num(np.max(slower.disc['compression'])):.0f} N: speed, not the bell's weight alone, "
        "sets the load.\n\n"
        "**Where the evidence disagrees.** McGill & Marshall (2012) measured real 16 kg swings "
        "(muscle activity, motion and the push on the floor, fed into a detailed spine model) "
        f"and found about {measured:.0f} N: {abs(percent(measured, bar)):.0f} % "
        f"{'below' if measured < bar else 'above'} the {bar:.0f} N the model gives the RDL, and "
        f"{100 * measured / peak:.0f} % of the model's swing. The model's swing is an assumed, "
        "smooth motion whose arms are driven through the shoulders; real arms swing more "
        "freely, and the forearms meet the thighs at the bottom. Both agree on the point for a "
        "coach: a swing with a light bell is no light exercise for the back. It loads it about "
        "as much as a controlled RDL with a bar four times heavier, or more.\n\n"
        "**A different shear.** At the bottom of the swing the model's L4 vertebra shears "
        f"*backwards* on L5 ({abs(shear):.0f} N), where the RDL shears it forwards "
        f"({rdl_shear:.0f} N): the back muscles pull hard and slightly backwards as they turn "
        "the bell. McGill & Marshall found the same backward shear and called it opposite to a "
        "traditional lift. Whether the model finds it rests on the angle of the back muscles' "
        "pull, the assumption lesson 1 lets you switch: with the muscles pulling along the "
        f"trunk, the same swing shears L4 forwards at the bottom ({chord_shear:.0f} N)."
    )
    return Answer(player, words, swing=sw, rdl=rdl, slower=slower, shear=shear,
                  rdl_shear=rdl_shear, chord_shear=chord_shear)


def swing_changes():
    """Peak L5/S1 compression of the lesson's swing, slowed, and with the heavier bell.

    Each is the Swing player's own peak (its ``summary``) with the one control changed,
    as the learner changes it.

    Returns
    -------
    dict
        ``"swing"``, ``"slower"``, ``"heavier"``: peak compression (N); ``"peak time"``: when
        the lesson's swing peaks (s, from the top); ``"period"``: its swing (s).
    """
    player = SwingPlayer(bell=constants.SWING_BELL)
    peak = player.summary["peak compression"]
    compression = player.rep.disc["compression"]
    when = float(player.rep.t[int(np.argmax(compression))])

    def changed(**kw):
        kw = {"bell": constants.SWING_BELL, "period": player.controls["period"].value} | kw
        return swing(player.body, fps=player.fps, **kw).summary()["peak compression"]

    return {"swing": peak, "slower": changed(period=SWING_SLOWER),
            "heavier": changed(bell=SWING_HEAVIER), "peak time": when,
            "period": float(player.rep.t[-1])}


def swing_check():
    """Self-check after the swing: does a slower swing or a heavier bell change the peak more.

    Returns
    -------
    Quiz
        Its answer is the one the model's numbers (:func:`swing_changes`) give; each option's
        feedback gives those numbers.
    """
    c = swing_changes()
    down, up = c["swing"] - c["slower"], c["heavier"] - c["swing"]
    said = (f"In the model the {constants.SWING_BELL:.0f} kg swing peaks at {c['swing']:.0f} N, "
            f"{c['peak time']:.2f} s into its {c['period']:.1f} s, on the way "
            f"{'up' if c['peak time'] > c['period'] / 2 else 'down'}. Slowed to "
            f"{SWING_SLOWER:g} s it peaks at {c['slower']:.0f} N ({down:.0f} N less); with a "
            f"{SWING_HEAVIER:.0f} kg bell at {c['heavier']:.0f} N ({up:.0f} N more).")
    slower, heavier = "Slowing the swing", f"The {SWING_HEAVIER:.0f} kg bell"
    same = "About the same, one down and one up"
    if abs(down - up) <= SAME_CHANGE * max(down, up):
        answer = same
    else:
        answer = slower if down > up else heavier
    why = {
        slower: "speed sets the load: a swing slowed by a few tenths of a second takes more off "
                "the back than a bigger bell adds.",
        heavier: "the bell's weight counts for more here than the speed of the swing.",
        same: f"{SWING_SLOWER - c['period']:.1f} s more a swing counts for about as much as "
              f"{SWING_HEAVIER - constants.SWING_BELL:.0f} kg more bell: progress the speed of a "
              "swing as you would its bell.",
    }
    compare = (f"Compare the two changes, {down:.0f} N off for the slower swing and {up:.0f} N "
               "on for the heavier bell, and try again.")
    options = {option: f"{said} " + (f"So {why[answer]}" if option == answer else compare)
               for option in (slower, heavier, same)}
    return Quiz(f"Which changes the swing's peak L5/S1 compression more: slowing it from "
                f"{c['period']:.1f} s to {SWING_SLOWER:g} s a swing, or a {SWING_HEAVIER:.0f} kg "
                f"bell in place of the {constants.SWING_BELL:.0f} kg?",
                options, answer, key="09_hinge_to_sport/swing-change")
