"""The sections of a briefing, one module each; every one takes a
:class:`~tightrope.stories.context.Context` and returns :class:`~tightrope.model.BriefingItem`s
whose statements cite the spans they come from."""
