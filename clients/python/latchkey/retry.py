"""How long to wait before the next SP-API attempt: exponential backoff with full jitter, and never less than
one token of the operation's rate limit (``x-amzn-RateLimit-Limit`` requests per second) after a 429."""

from typing import Callable, NamedTuple, Optional


class RetryPolicy(NamedTuple):
    #: Attempts in all for a throttled (429) call.
    max_throttled_attempts: int = 5
    #: Attempts in all for a call that fails with 5xx or without an answer.
    max_transient_attempts: int = 3
    #: The first backoff ceiling in seconds; doubled per retry.
    base_delay: float = 0.25
    #: The backoff ceiling never grows past this (a rate limit's 1/rate may still ask for longer).
    max_delay: float = 20.0


DEFAULT_RETRY_POLICY = RetryPolicy()


def backoff_delay(retry: int, policy: RetryPolicy, random: Callable[[], float]) -> float:
    """Full jitter: a uniformly random wait between 0 and min(max_delay, base·2^(retry-1)). ``retry`` starts at 1."""
    ceiling = min(policy.max_delay, policy.base_delay * 2 ** max(0, retry - 1))
    return random() * ceiling


def throttled_delay(retry: int, rate_limit_per_second: Optional[float], policy: RetryPolicy, random: Callable[[], float]) -> float:
    """After a 429: the jittered backoff, but at least 1/rate seconds when Amazon said the rate."""
    floor = 1.0 / rate_limit_per_second if rate_limit_per_second and rate_limit_per_second > 0 else 0.0
    return max(floor, backoff_delay(retry, policy, random))
