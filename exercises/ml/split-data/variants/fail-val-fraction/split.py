"""Uses val_size as a fraction of the remaining rows, so the validation set comes out too small."""

from sklearn.model_selection import train_test_split


def split_data(df, target, test_size=0.2, random_state=0):
    X = df.drop(columns=[target])
    y = df[target]
    return train_test_split(X, y, test_size=test_size, stratify=y, random_state=random_state)


def three_way_split(df, target, val_size=0.2, test_size=0.2, random_state=0):
    rest, test = train_test_split(df, test_size=test_size, stratify=df[target], random_state=random_state)
    train, val = train_test_split(rest, test_size=val_size, stratify=rest[target], random_state=random_state)
    return train, val, test
