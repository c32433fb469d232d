"""Research & resources: two Django apps side by side, the library (``resources.library``) and
events and news (``resources.events``). Events and news use the library's topics and people;
the library never imports them."""
