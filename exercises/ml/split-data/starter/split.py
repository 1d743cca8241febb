"""Stratified, reproducible train/test and train/validation/test splits."""


def split_data(df, target, test_size=0.2, random_state=0):
    """Split `df` into X_train, X_test, y_train, y_test, stratified on the `target` column."""
    # TODO: features and target, then one stratified, reproducible split
    n_test = int(len(df) * test_size)
    X = df.drop(columns=[target])
    y = df[target]
    return X.iloc[n_test:], X.iloc[:n_test], y.iloc[n_test:], y.iloc[:n_test]


def three_way_split(df, target, val_size=0.2, test_size=0.2, random_state=0):
    """Split `df` into train, validation and test frames; sizes are fractions of all rows."""
    # TODO
    raise NotImplementedError
