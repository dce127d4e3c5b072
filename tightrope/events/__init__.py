"""The events stage: PLOVER events coded from sentences, with CAMEO, Goldstein and QuadClass."""

CODER_VERSION = "0.7"
