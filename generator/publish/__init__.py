"""The publishing stage: staging tree, builder, passes on the output, checks, swap."""
