"""Answers to notebook 02's exercises: one wrong and one right per exercise, in order.

They run in the notebook's kernel after it has run, so they use its variables.
"""
WRONG = [
    # the noise term with σ(+u·v) instead of σ(-u·v)
    "answer_1 = -np.log(sigmoid(u_hand @ v_hand)) - np.log(sigmoid(U_hand @ v_hand)).sum()",
    # the label of a noise word taken as 1
    "def answer_2(v, u_out, U_noise):\n"
    "    return np.outer(sigmoid(U_noise @ v) - 1, v)",
    "answer_3 = 2 * WINDOW",                            # the full window every time
]
RIGHT = [
    "answer_1 = -np.log(sigmoid(u_hand @ v_hand)) - np.log(sigmoid(-(U_hand @ v_hand))).sum()",
    "def answer_2(v, u_out, U_noise):\n"
    "    return sigmoid(U_noise @ v)[:, None] * v[None, :]",
    "answer_3 = WINDOW + 1",
]
