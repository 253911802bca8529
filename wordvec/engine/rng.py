"""A tiny random number generator that Numba kernels can carry around.

Kernels cannot call NumPy's Generator, and word2vec.c's linear congruential
generator (``next = next * 25214903917 + 11``) has weak low bits. We use
xorshift64* (Vigna 2016): three shifts and a multiply, 64 bits of state,
good enough for sampling and for dropping words, and as fast as the LCG.
Run as plain Python (NUMBA_DISABLE_JIT=1), NumPy warns about the
multiply's overflow; the wrap-around modulo 2**64 is intended.
The state is a plain ``uint64`` passed in and returned, so a kernel's
randomness is fully determined by the seed it is given.

>>> state = seed_state(42, 0)
>>> state, value = next_u64(state)
>>> bool(0.0 <= to_unit(value) < 1.0)
True
"""
import numpy as np

from .jit import kernel

_MULTIPLIER = np.uint64(0x2545F4914F6CDD1D)


@kernel
def next_u64(state):
    """Advance the state; return ``(new_state, 64 random bits)``."""
    state ^= state >> np.uint64(12)
    state ^= state << np.uint64(25)
    state ^= state >> np.uint64(27)
    return state, state * _MULTIPLIER


@kernel
def to_unit(value):
    """The top 53 bits of a random uint64 as a float64 in [0, 1)."""
    return np.float64(value >> np.uint64(11)) * (1.0 / 9007199254740992.0)


@kernel
def below(value, n):
    """Map random bits to an int in [0, n) by multiply-and-shift
    (Lemire 2019), which avoids a slow division. n must be < 2**32."""
    return np.int64(((value >> np.uint64(32)) * np.uint64(n)) >> np.uint64(32))


def seed_state(*keys):
    """A non-zero uint64 state from integers such as (seed, epoch, chunk).

    Uses NumPy's SeedSequence, so nearby keys give unrelated streams.
    """
    words = np.random.SeedSequence([int(key) for key in keys]).generate_state(2, np.uint32)
    state = (int(words[0]) << 32) | int(words[1])
    return np.uint64(state or 1)  # xorshift's state must never be zero
