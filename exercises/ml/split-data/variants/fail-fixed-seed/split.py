"""Stratified, but always with the seed 42: the caller's random_state is ignored."""

from sklearn.model_selection import train_test_split


def split_data(df, target, test_size=0.2, random_state=0):
    X = df.drop(columns=[target])
    y = df[target]
    return train_test_split(X, y, test_size=test_size, stratify=y, random_state=42)


def three_way_split(df, target, val_size=0.2, test_size=0.2, random_state=0):
    rest, test = train_test_split(df, test_size=test_size, stratify=df[target], random_state=42)
    train, val = train_test_split(rest, test_size=val_size / (1 - test_size), stratify=rest[target], random_state=42)
    return train, val, test
