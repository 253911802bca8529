"""The training loop every algorithm shares: epochs of chunks, run on worker threads.

An algorithm's driver says only what one chunk of work is (a call of its
Numba kernel) and lists one epoch's chunks; ``train_epochs`` does the rest,
the same way for every algorithm:

* it hands the chunks to ``workers`` threads (``hogwild.run_chunks``);
* it shows a progress bar (``wordvec.util.progress``: tqdm on a terminal, a few
  plain lines otherwise) with the mean loss of the epoch so far, which at
  the end of an epoch is that epoch's ``loss_history`` value;
* it compiles the kernels first, under a line of their own (``warmup``),
  so that the bar's speed and time left are the training's alone;
* it checks each chunk's loss: NaN or inf stops training with a
  ``TrainingError`` that says what to change (the driver's ``hint``);
* it records the mean loss per epoch and per chunk (the loss curve);
* after each epoch, it calls ``on_epoch`` (the estimator's callbacks);
* on Ctrl-C it lets the running chunks finish and returns what was trained.

>>> def work(epoch, task):            # one chunk: (loss sum, examples)
...     return 10.0 / (epoch + 1), 5
>>> log = train_epochs(work, tasks=[("first half", 50), ("second half", 50)], epochs=3,
...                    verbose=False)
>>> [round(loss, 3) for loss in log.loss_history]
[2.0, 1.0, 0.667]
>>> log.loss_curve[:2], log.units_done
([(0.5, 2.0), (1.0, 2.0)], 300)
"""
import logging
import math
import time
from dataclasses import dataclass, field
from itertools import accumulate

from ..engine.hogwild import run_chunks
from ..errors import TrainingError
from ..util.progress import bar as progress_bar
from ..util.progress import phase

logger = logging.getLogger(__name__)


@dataclass
class TrainingLog:
    """What ``train_epochs`` records, updated as training goes.

    Attributes
    ----------
    loss_history : list of float
        Mean loss per example, one value per finished epoch.
    loss_curve : list of (float, float)
        (epochs done, mean loss) after each chunk, in order of progress.
    seconds_per_epoch : list of float
        Wall-clock seconds from the end of one epoch to the end of the next,
        the time spent in ``on_epoch`` (callbacks) excluded.
    epochs_done, units_done : int
        Finished epochs; units of work (words, entries) trained.
    seconds : float
        Training time so far, without the time spent in ``on_epoch``.
    interrupted : bool
        True if Ctrl-C stopped training early.
    """

    loss_history: list = field(default_factory=list)
    loss_curve: list = field(default_factory=list)
    seconds_per_epoch: list = field(default_factory=list)
    epochs_done: int = 0
    units_done: int = 0
    seconds: float = 0.0
    interrupted: bool = False


def train_epochs(work, tasks, epochs, workers=1, *, on_epoch=None, sync_epochs=False,
                 before_epoch=None, status=None, hint=None, verbose=True, desc=None, unit="it",
                 warmup=None, start_epoch=0, history=()):
    """Run ``work`` on every task of every epoch; return a ``TrainingLog``.

    Parameters
    ----------
    work : callable
        ``work(epoch, task) -> (loss sum, examples)``: trains one chunk, in
        place. Called from ``workers`` threads at once (it must release the
        GIL to run in parallel, as ``nogil`` kernels do).
    tasks : list of (task, size)
        One epoch's chunks in order, each with its size in ``unit`` (the
        bar's steps; also where each chunk ends on the loss curve).
    epochs, workers : int
    on_epoch : callable, optional
        ``on_epoch(log)`` after each epoch, in epoch order.
    sync_epochs : bool
        Start an epoch only once the previous one is done, so that
        ``on_epoch`` sees the weights exactly as they are at the end of an
        epoch. Otherwise the next epoch's chunks follow in the queue and no
        worker waits for the slowest. Forced by ``before_epoch``.
    before_epoch : callable, optional
        ``before_epoch(epoch)`` before an epoch's first chunk (GloVe's shuffle).
    status : callable, optional
        ``status(progress) -> dict`` of extra fields for the bar, with
        ``progress`` in epochs (a float): the furthest point reached, so
        that with several workers it never steps back.
    hint : callable, optional
        ``hint(progress) -> str``: what to change when the loss diverges.
    verbose : bool
        Show the progress bar.
    desc, unit : str
        The bar's label and its unit.
    warmup : callable, optional
        ``warmup()`` runs the kernels once on no data, before the bar: the
        first run of a process compiles them (or loads them from Numba's
        cache), which can take seconds that are not training.
    start_epoch, history : int, list of float
        Resume: the epochs already done (they are skipped) and their loss
        history (``wordvec.train.checkpoint``).
    """
    sizes = [size for _, size in tasks]
    epoch_units = sum(sizes)
    ends = [end / max(epoch_units, 1) for end in accumulate(sizes)]  # in epochs
    numbered = [(epoch, i) for epoch in range(start_epoch, epochs) for i in range(len(tasks))]
    sync = sync_epochs or before_epoch is not None
    batches = ([numbered[e * len(tasks):(e + 1) * len(tasks)]
                for e in range(epochs - start_epoch)] if sync else [numbered])
    log = TrainingLog(loss_history=list(history), epochs_done=start_epoch)
    epoch_loss, epoch_examples = [0.0] * epochs, [0] * epochs
    chunks_left = [len(tasks)] * epochs
    bar = None
    furthest = 0.0  # in epochs: what the bar's status shows
    started = epoch_started = time.perf_counter()
    paused = 0.0  # seconds spent in on_epoch

    def run(item):
        epoch, i = item
        return work(epoch, tasks[i][0])

    try:
        if warmup is not None:
            with phase("compiling the kernels (first run only)", verbose):
                warmup()
            started = epoch_started = time.perf_counter()
        bar = progress_bar((epochs - start_epoch) * epoch_units, desc or "training", unit,
                           verbose)
        for batch in batches:
            if before_epoch is not None:
                before_epoch(batch[0][0])
            for (epoch, i), (loss, examples) in run_chunks(run, batch, workers):
                progress = epoch + ends[i]
                if not math.isfinite(loss):
                    raise TrainingError(f"the loss became {loss} in epoch {epoch + 1}: training "
                                        "diverged. " + (hint(progress) if hint else ""))
                mean = loss / max(examples, 1)
                log.loss_curve.append((progress, mean))
                log.units_done += sizes[i]
                epoch_loss[epoch] += loss
                epoch_examples[epoch] += examples
                chunks_left[epoch] -= 1
                furthest = max(furthest, progress)
                bar.update(sizes[i])
                # The epoch's mean so far: at its end, the figure loss_history records.
                epoch_mean = epoch_loss[epoch] / max(epoch_examples[epoch], 1)
                bar.set_postfix(epoch=epoch + 1, loss=f"{epoch_mean:.4g}",
                                **(status(furthest) if status else {}), refresh=False)
                # Epochs close in order, even if a later one's last chunk came first.
                while log.epochs_done < epochs and chunks_left[log.epochs_done] == 0:
                    done = log.epochs_done
                    now = time.perf_counter()
                    log.loss_history.append(epoch_loss[done] / max(epoch_examples[done], 1))
                    log.seconds_per_epoch.append(now - epoch_started)
                    log.epochs_done, log.seconds = done + 1, now - started - paused
                    logger.info("epoch %d: loss %.4f", done + 1, log.loss_history[-1])
                    if on_epoch is not None:
                        on_epoch(log)
                    # The callbacks' time is theirs, not training's.
                    epoch_started = time.perf_counter()
                    paused += epoch_started - now
    except KeyboardInterrupt:
        log.interrupted = True
        logger.warning("interrupted in epoch %d: keeping what was trained so far",
                       log.epochs_done + 1)
    finally:
        if bar is not None:
            bar.close()
        log.loss_curve.sort()  # with several workers, chunks finish out of order
        log.seconds = time.perf_counter() - started - paused
    return log
