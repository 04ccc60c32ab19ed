"""Speed of the panel PNG writer against Pillow's, on a real panel figure.

Run: ``.venv/bin/python benchmarks/png.py``. Encodes the canvas of the posture
figure (all overlays, projector style) with :func:`hinge_sim.viz.render.encode_png`
and with Pillow (the same RGBA image, and converted to RGB as matplotlib's
``savefig`` does), at the same zlib level; prints the best time of each, the
ratio and the file sizes. Numbers vary by machine and by load on it.
"""
import io
import timeit

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image

import hinge_sim as hs
from hinge_sim import viz
from hinge_sim.viz.render import PNG_COMPRESSION, encode_png


def best_ms(fn, number=20, repeat=9):
    """Best time per call (ms) over ``repeat`` batches of ``number`` calls."""
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number * 1e3


def pillow_png(rgba, mode):
    h, w = rgba.shape[:2]
    image = Image.frombuffer("RGBA", (w, h), rgba, "raw", "RGBA", 0, 1)
    buf = io.BytesIO()
    (image if mode == "RGBA" else image.convert(mode)).save(
        buf, format="png", compress_level=PNG_COMPRESSION)
    return buf.getvalue()


def main():
    result = hs.analyze(hs.presets.lifter("average man"), hs.presets.posture("textbook hinge"),
                        hs.presets.load("RDL", 40))
    fig = viz.posture_figure(result, style="projector", overlays=viz.OVERLAYS)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    rgba = np.asarray(canvas.buffer_rgba())
    ours = best_ms(lambda: encode_png(rgba))
    print(f"figure {rgba.shape[1]} x {rgba.shape[0]} px, zlib level {PNG_COMPRESSION}")
    print(f"{'encode_png (RGBA, no filter)':<34} {ours:6.2f} ms  {len(encode_png(rgba)):7d} bytes")
    for mode in ("RGBA", "RGB"):
        t = best_ms(lambda: pillow_png(rgba, mode))
        print(f"{f'Pillow ({mode})':<34} {t:6.2f} ms  {len(pillow_png(rgba, mode)):7d} bytes"
              f"   ratio Pillow / ours {t / ours:4.2f}")


if __name__ == "__main__":
    main()
