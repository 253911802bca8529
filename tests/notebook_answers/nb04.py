"""Wrong and right answers to notebook 4's exercises, run after the notebook in its kernel."""
WRONG = [
    "answer_1 = 25 / 100",
    "answer_2 = float(np.log(pair_count(X, 'new', 'york')))",
    "answer_3 = 2",
]
RIGHT = [
    "answer_1 = (25 / 100) ** 0.75",
    ("answer_2 = float(np.log(pair_count(X, 'new', 'york') * D\n"
     "                        / (marginals[vocab['new']] * marginals[vocab['york']])))"),
    "answer_3 = 1 + 1 / 3",
]
