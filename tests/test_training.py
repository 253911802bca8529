"""The shared training loop (wordvec/train/loop.py), with toy work instead of kernels."""
import threading

import pytest

from wordvec.errors import TrainingError
from wordvec.train.loop import train_epochs

TASKS = [("a", 30), ("b", 50), ("c", 20)]  # (task, size): chunks end at 0.3, 0.8 and 1.0 epochs


def work(epoch, task):
    """Loss sum (epoch + 1) * size-of-name, over 2 examples: easy to predict."""
    return float((epoch + 1) * len(task)), 2


def test_history_curve_and_units_by_hand():
    log = train_epochs(work, TASKS, epochs=2, verbose=False)
    assert log.loss_history == [0.5, 1.0]           # each chunk: (epoch + 1) / 2
    assert log.loss_curve == [(0.3, 0.5), (0.8, 0.5), (1.0, 0.5), (1.3, 1.0), (1.8, 1.0),
                              (2.0, 1.0)]
    assert (log.epochs_done, log.units_done, log.interrupted) == (2, 200, False)
    assert len(log.seconds_per_epoch) == 2 and log.seconds >= sum(log.seconds_per_epoch) * 0.99


@pytest.mark.parametrize("workers", [1, 2])
def test_epochs_close_in_order_and_before_epoch_runs_first(workers):
    events = []

    def record(epoch, task):
        events.append(("work", epoch))
        return 1.0, 1

    train_epochs(record, TASKS, epochs=3, workers=workers, verbose=False,
                 before_epoch=lambda epoch: events.append(("before", epoch)),
                 on_epoch=lambda log: events.append(("done", log.epochs_done)))
    # With before_epoch, an epoch starts only when the previous one is done.
    expected = []
    for epoch in range(3):
        expected += [("before", epoch)] + [("work", epoch)] * 3 + [("done", epoch + 1)]
    assert events == expected


def test_sync_epochs_lets_on_epoch_see_a_finished_epoch():
    # Two workers, and a slow first chunk: without a barrier the next epoch's
    # chunks would already run while on_epoch looks.
    running, seen = [], []
    lock = threading.Lock()

    def slow(epoch, task):
        with lock:
            running.append(epoch)
        if task == "a":
            threading.Event().wait(0.05)
        return 1.0, 1

    def look(log):
        with lock:
            seen.append(set(running[-len(TASKS):]))

    train_epochs(slow, TASKS, epochs=3, workers=2, verbose=False, sync_epochs=True, on_epoch=look)
    assert seen == [{0}, {1}, {2}]


def test_a_nan_loss_stops_with_the_hint():
    def diverge(epoch, task):
        return (float("nan") if epoch == 1 else 1.0), 1

    with pytest.raises(TrainingError, match=r"the loss became nan in epoch 2: training "
                                            r"diverged\. try less \(at 1\.3 epochs\)"):
        train_epochs(diverge, TASKS, epochs=3, verbose=False,
                     hint=lambda progress: f"try less (at {progress:.1f} epochs)")


def test_ctrl_c_keeps_what_was_trained():
    def interrupt(epoch, task):
        if epoch == 1 and task == "b":
            raise KeyboardInterrupt
        return 1.0, 1

    log = train_epochs(interrupt, TASKS, epochs=3, verbose=False)
    assert log.interrupted and log.epochs_done == 1 and log.units_done == 130
    assert log.loss_history == [1.0] and len(log.loss_curve) == 4


def test_status_feeds_the_bar_and_errors_in_work_reach_the_caller():
    progresses = []
    train_epochs(work, TASKS, epochs=1, verbose=False,
                 status=lambda progress: progresses.append(progress) or {"x": "1"})
    assert progresses == [0.3, 0.8, 1.0]

    def broken(epoch, task):
        raise ValueError("a bug in a kernel")

    with pytest.raises(ValueError, match="a bug in a kernel"):
        train_epochs(broken, TASKS, epochs=1, workers=2, verbose=False)


def test_the_callbacks_time_is_not_training_time():
    log = train_epochs(work, TASKS, epochs=2, verbose=False,
                       on_epoch=lambda log: threading.Event().wait(0.3))
    assert log.seconds < 0.3 and max(log.seconds_per_epoch) < 0.3
