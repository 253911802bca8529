"""Wrong and right answers to notebook 3's exercises, run after the notebook in its kernel."""
WRONG = [
    "answer_1 = int(hs_model.huffman_.lengths.max())",
    ("n = tree.lengths[7]\n"
     "answer_2 = float(np.prod(sigmoid(W_hs[tree.points[7, :n]] @ h)))"),
    "answer_3 = float(hs_model.huffman_.lengths.mean())",
]
RIGHT = [
    "answer_1 = int(huffman_tree(vocab.counts).lengths[0])",
    ("n = tree.lengths[7]\n"
     "signs = 1 - 2 * tree.codes[7, :n].astype(float)\n"
     "answer_2 = float(np.prod(sigmoid(signs * (W_hs[tree.points[7, :n]] @ h))))"),
    ("lengths = hs_model.huffman_.lengths\n"
     "answer_3 = float((vocab.counts * lengths).sum() / vocab.counts.sum())"),
]
