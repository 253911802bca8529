"""Where to write each word next to its point, so that the words do not overlap.

A word map has crowded corners: capitals in a tight cluster, a word and its
plural side by side. Writing every label up and to the right of its point
piles them on top of one another. This module places them greedily, one
word at a time, in the spot that collides least with what is already there:

1. around the point, try 8 spots (right, upper right, up, ...), first close
   to it, then further out (a label placed far gets a thin line to its point);
2. score each spot by how much its box overlaps the labels placed so far,
   the points (a label must not hide another word's point) and the lines
   drawn (given as points along them), plus a little for distance, so that a
   free near spot beats a free far one;
3. take the cheapest spot; on a tie, the first (the right-hand side).

Everything is in typographic points (1/72 inch) on the page, so that the
sizes of the text and the distances between points are in the same unit.
It is the simple cousin of adjustText's or ggrepel's iterative repulsion:
good enough for a few dozen words, and readable in one sitting.

Example
-------
>>> xy = np.array([[0.0, 0.0], [1.0, 0.0]])          # two points 1 pt apart
>>> sizes = np.array([[20.0, 8.0], [20.0, 8.0]])      # labels 20 pt wide
>>> [spot[2:] for spot in place_labels(xy, sizes)]    # (ha, va): above right, below right
[('left', 'bottom'), ('left', 'top')]
"""
import numpy as np

# The 8 directions to try, right-hand side first (a reader's eye goes right).
DIRECTIONS = ((1, 0), (1, 1), (1, -1), (0, 1), (0, -1), (-1, 0), (-1, 1), (-1, -1))
# How far (in points, along each axis) the label's anchor is from its point.
RADII = (3.0, 10.0, 18.0, 28.0)
# Half the side of the square that stands for a marker, in points.
MARKER = 2.5
# Half the side of the square that stands for an obstacle point (on a line).
LINE = 1.5
# Cost of one point of distance: small against any overlap (1 square point).
DISTANCE_COST = 0.05


def _box(x, y, w, h, dx, dy):
    """The box (x0, y0, x1, y1) of a w x h label anchored at (x, y), on the side (dx, dy)."""
    left = x if dx > 0 else x - w if dx < 0 else x - w / 2
    bottom = y if dy > 0 else y - h if dy < 0 else y - h / 2
    return left, bottom, left + w, bottom + h


def _overlap(box, boxes):
    """Total area of ``box`` covered by each of ``boxes`` (an (n, 4) array)."""
    if not len(boxes):
        return 0.0
    width = np.minimum(box[2], boxes[:, 2]) - np.maximum(box[0], boxes[:, 0])
    height = np.minimum(box[3], boxes[:, 3]) - np.maximum(box[1], boxes[:, 1])
    return float(np.sum(np.clip(width, 0, None) * np.clip(height, 0, None)))


def place_labels(xy, sizes, bounds=None, obstacles=None):
    """A spot for each label: ``[(offset_x, offset_y, ha, va), ...]``.

    Parameters
    ----------
    xy : ndarray, shape (n, 2)
        The points, in points on the page (display coordinates * 72 / dpi).
    sizes : ndarray, shape (n, 2)
        Width and height of each label, in points.
    bounds : (x0, y0, x1, y1), optional
        The box the labels should stay in (the axes), in points.
    obstacles : ndarray, shape (m, 2), optional
        More points that labels should not cover (say, points along the
        lines of a figure), in points.

    Returns
    -------
    list of (float, float, str, str)
        The offset of the label's anchor from its point, in points, and the
        horizontal and vertical alignment to give the text at that anchor
        (as ``annotate(..., xytext=offset, textcoords="offset points",
        ha=ha, va=va)`` takes them).
    """
    xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    markers = np.c_[xy - MARKER, xy + MARKER]
    extra = np.zeros((0, 2)) if obstacles is None else np.asarray(obstacles, np.float64)
    extra = np.c_[extra - LINE, extra + LINE]
    frame = None if bounds is None else np.array([bounds], dtype=np.float64)
    placed = np.zeros((0, 4))
    spots = []
    for i, ((x, y), (w, h)) in enumerate(zip(xy, sizes)):
        others = np.vstack([np.delete(markers, i, axis=0), extra])
        best = None
        for r in RADII:
            for dx, dy in DIRECTIONS:
                box = _box(x + dx * r, y + dy * r, w, h, dx, dy)
                cost = _overlap(box, placed) + _overlap(box, others) + DISTANCE_COST * r
                if frame is not None:  # the part of the label outside the axes
                    cost += w * h - _overlap(box, frame)
                if best is None or cost < best[0]:
                    best = (cost, box, dx * r, dy * r, dx, dy)
            if best[0] <= DISTANCE_COST * r:  # a free spot this close: look no further
                break
        _, box, ox, oy, dx, dy = best
        placed = np.vstack([placed, box])
        spots.append((ox, oy, "left" if dx > 0 else "right" if dx < 0 else "center",
                      "bottom" if dy > 0 else "top" if dy < 0 else "center"))
    return spots
