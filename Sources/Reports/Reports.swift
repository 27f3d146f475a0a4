// Reports: the output writers (see README.md).
