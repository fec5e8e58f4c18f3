"""Built-in rules, one module per family. Each module exposes ``RULES``, registered through the
``docqa.rules`` entry-point group exactly like a third-party plugin."""
