"""Segmentation: domain words stay whole; the prefix cache changes nothing but load time."""

from __future__ import annotations

import os

import pytest

from pipeline import segment

TEXT = "快手电商今年的GMV同比增长47.7%，服务商生态与区域运营负责人表示将继续投入。"


def test_domain_words_stay_whole():
    words = segment.get_segmenter("jieba")(TEXT)
    assert "".join(words) == TEXT
    assert "手电" not in words


def test_cached_prefix_dictionary_segments_identically(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHEXTRACT_CACHE_DIR", str(tmp_path))
    built = segment._JiebaCut()  # builds and stores the cache
    (cache,) = tmp_path.glob("jieba-prefix-*.pickle")
    assert oct(cache.stat().st_mode & 0o777) == oct(0o600)
    loaded = segment._JiebaCut()  # loads it
    assert loaded(TEXT) == built(TEXT) == segment.get_segmenter("jieba")(TEXT)


@pytest.mark.parametrize("damage", ["garbage", "group-writable"])
def test_untrusted_or_damaged_cache_is_ignored(tmp_path, monkeypatch, damage):
    monkeypatch.setenv("ZHEXTRACT_CACHE_DIR", str(tmp_path))
    segment._JiebaCut()
    (cache,) = tmp_path.glob("jieba-prefix-*.pickle")
    if damage == "garbage":
        cache.write_bytes(b"not a pickle")
    else:
        os.chmod(cache, 0o666)
    assert segment._load_prefix_cache(cache) is None
    assert segment._JiebaCut()(TEXT) == segment.get_segmenter("jieba")(TEXT)
