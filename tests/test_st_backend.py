"""The sentence-transformers backend, offline, with a tiny model this test builds."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("sentence_transformers", reason="install transcheck[st] to test this backend")

from transcheck.embed.base import EmbedderError, load_embedder
from transcheck.embed.cache import CachedEmbedder, EmbeddingCache

pytestmark = pytest.mark.st


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2-layer, 32-dim BERT with a word-level vocabulary, saved as a sentence-transformers model."""
    import torch
    from sentence_transformers import SentenceTransformer

    try:  # sentence-transformers >= 6
        from sentence_transformers.sentence_transformer import modules as models
    except ImportError:  # pragma: no cover - older releases
        from sentence_transformers import models  # type: ignore[no-redef]
    from transformers import BertConfig, BertModel, BertTokenizer

    torch.manual_seed(0)
    base = tmp_path_factory.mktemp("tiny-bert")
    words = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "war", "peace", "ukraine", "russia", "sanctions",
             "война", "мир", "вайна", "the", "in", "and", "."]
    (base / "vocab.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    BertTokenizer(str(base / "vocab.txt"), do_lower_case=True).save_pretrained(base)
    config = BertConfig(vocab_size=len(words), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=64)
    BertModel(config).save_pretrained(base)
    word = models.Transformer(str(base), max_seq_length=32)
    dim_of = getattr(word, "get_embedding_dimension", None) or word.get_word_embedding_dimension
    pooling = models.Pooling(dim_of(), pooling_mode="mean")
    out = tmp_path_factory.mktemp("tiny-st")
    SentenceTransformer(modules=[word, pooling], device="cpu").save(str(out))
    return out


def test_loads_local_model_offline_and_embeds(tiny_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    embedder = load_embedder(f"st:{tiny_model}")
    vectors = embedder.embed(["war and peace", "война и мир", "the sanctions"])
    assert vectors.shape == (3, 32)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    # Deterministic: the same text gives the same vector.
    np.testing.assert_allclose(embedder.embed(["war and peace"])[0], vectors[0], rtol=1e-5, atol=1e-6)
    assert embedder.identity.startswith(f"st/{tiny_model}@")


def test_cache_serves_second_run(tiny_model: Path, tmp_path: Path) -> None:
    first = CachedEmbedder(load_embedder(f"st:{tiny_model}"), EmbeddingCache(tmp_path))
    first.embed(["war", "peace", "war"])
    assert first.computed == 2
    second = CachedEmbedder(load_embedder(f"st:{tiny_model}"), EmbeddingCache(tmp_path))
    second.embed(["peace", "war"])
    assert second.computed == 0


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    embedder = load_embedder(f"st:{tmp_path / 'no-such-model'}")
    with pytest.raises(EmbedderError, match="cannot load sentence-transformers model"):
        embedder.embed(["text"])
