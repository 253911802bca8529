"""Label placement: labels keep off one another, off the points and lines, inside the frame."""
import numpy as np

from wordvec.plot.labels import MARKER, place_labels


def boxes(xy, sizes, spots):
    """The (x0, y0, x1, y1) box of each placed label, from its anchor and alignment."""
    out = []
    for (x, y), (w, h), (ox, oy, ha, va) in zip(xy, sizes, spots):
        left = {"left": x + ox, "right": x + ox - w, "center": x + ox - w / 2}[ha]
        bottom = {"bottom": y + oy, "top": y + oy - h, "center": y + oy - h / 2}[va]
        out.append((left, bottom, left + w, bottom + h))
    return np.array(out)


def overlaps(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_a_crowded_cluster_gets_labels_that_do_not_overlap():
    rng = np.random.default_rng(0)
    xy = rng.uniform(0, 30, size=(8, 2)) + 100      # 8 points within 30 x 30 pt
    sizes = np.tile([30.0, 10.0], (8, 1))
    placed = boxes(xy, sizes, place_labels(xy, sizes))
    assert not any(overlaps(placed[i], placed[j]) for i in range(8) for j in range(i))
    markers = np.c_[xy - MARKER, xy + MARKER]
    assert not any(overlaps(box, m) for box in placed for m in markers)


def test_a_lone_label_goes_right_and_close():
    spots = place_labels(np.array([[50.0, 50.0]]), np.array([[20.0, 8.0]]))
    assert spots == [(3.0, 0.0, "left", "center")]


def test_labels_avoid_obstacles_and_stay_in_bounds():
    xy = np.array([[10.0, 50.0]])
    sizes = np.array([[20.0, 8.0]])
    line = np.c_[np.linspace(10, 90, 30), np.full(30, 50.0)]   # a line going right
    (ox, oy, ha, va), = place_labels(xy, sizes, obstacles=line)
    assert oy != 0                                           # above or below it, not on it
    # Near the right edge of the frame, the label goes left instead of out of the frame.
    (ox, oy, ha, va), = place_labels(np.array([[95.0, 50.0]]), sizes, bounds=(0, 0, 100, 100))
    assert ha == "right" and ox < 0
