"""Relations analytics: dyad time series, the relation network, and a focal state's hedging
between rival powers, aggregated in SQL from the store's ``event_dyads`` table.

The library reads the store and nothing after it; the CLI (``tightrope relations``,
``tightrope hedging``, ``tightrope network``) and the web API are faces over these functions.
"""

from tightrope.analytics.hedging import HedgingReport, hedging
from tightrope.analytics.relations import DyadSeries, dyad_series, relation_network

__all__ = ["DyadSeries", "HedgingReport", "dyad_series", "hedging", "relation_network"]
