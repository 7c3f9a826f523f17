from __future__ import annotations

import random
from collections import Counter

from samizdat.ads.services import choose


def test_it_draws_creatives_in_proportion_to_their_weights():
    creatives = [{"id": 1, "weight": 1}, {"id": 2, "weight": 3}, {"id": 3, "weight": 6}]
    rng = random.Random(20261127)
    draws = 20_000

    counts = Counter(choose(creatives, rng)["id"] for _ in range(draws))

    # Three standard deviations of a binomial share, at most ~1 % here.
    for creative in creatives:
        share = creative["weight"] / 10
        sigma = (share * (1 - share) / draws) ** 0.5
        assert abs(counts[creative["id"]] / draws - share) < 3 * sigma


def test_it_draws_nothing_from_an_empty_slot():
    assert choose([], random.Random(1)) is None
