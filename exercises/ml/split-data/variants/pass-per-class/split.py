"""Stratified splits written with StratifiedShuffleSplit and index arithmetic."""

from sklearn.model_selection import StratifiedShuffleSplit


def _stratified_positions(labels, test_size, random_state):
    splitter = StratifiedShuffleSplit(n_splits=1, test_size=test_size, random_state=random_state)
    train_pos, test_pos = next(splitter.split(labels.to_numpy().reshape(-1, 1), labels))
    return train_pos, test_pos


def split_data(df, target, test_size=0.2, random_state=0):
    train_pos, test_pos = _stratified_positions(df[target], test_size, random_state)
    train, test = df.iloc[train_pos], df.iloc[test_pos]
    features = [c for c in df.columns if c != target]
    return train[features], test[features], train[target], test[target]


def three_way_split(df, target, val_size=0.2, test_size=0.2, random_state=0):
    rest_pos, test_pos = _stratified_positions(df[target], test_size, random_state)
    rest = df.iloc[rest_pos]
    train_pos, val_pos = _stratified_positions(rest[target], val_size / (1 - test_size), random_state)
    return rest.iloc[train_pos], rest.iloc[val_pos], df.iloc[test_pos]
