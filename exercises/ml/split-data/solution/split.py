"""Stratified, reproducible train/test and train/validation/test splits."""

from sklearn.model_selection import train_test_split


def split_data(df, target, test_size=0.2, random_state=0):
    """Split `df` into X_train, X_test, y_train, y_test, stratified on the `target` column."""
    X = df.drop(columns=[target])
    y = df[target]
    return train_test_split(X, y, test_size=test_size, stratify=y, shuffle=True, random_state=random_state)


def three_way_split(df, target, val_size=0.2, test_size=0.2, random_state=0):
    """Split `df` into train, validation and test frames; sizes are fractions of all rows."""
    rest, test = train_test_split(df, test_size=test_size, stratify=df[target], random_state=random_state)
    # val_size is a fraction of all rows, and `rest` holds only 1 - test_size of them.
    val_of_rest = val_size / (1 - test_size)
    train, val = train_test_split(rest, test_size=val_of_rest, stratify=rest[target], random_state=random_state)
    return train, val, test
