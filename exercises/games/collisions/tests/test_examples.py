def test_rects_example(submission):
    """rects_overlap: overlapping and separate rectangles"""
    assert submission.rects_overlap((0, 0, 10, 10), (5, 5, 10, 10)) is True
    assert submission.rects_overlap((0, 0, 10, 10), (20, 0, 5, 5)) is False


def test_circles_example(submission):
    """circles_overlap: closer than the sum of the radii"""
    assert submission.circles_overlap((0, 0), 5, (8, 0), 5) is True
    assert submission.circles_overlap((0, 0), 5, (12, 0), 5) is False


def test_circle_rect_example(submission):
    """circle_rect_overlap: a circle just left of a rectangle"""
    assert submission.circle_rect_overlap((45, 20), 10, (50, 0, 20, 40)) is True
    assert submission.circle_rect_overlap((30, 20), 10, (50, 0, 20, 40)) is False


def test_collect_first_coin(game):
    """Walking right collects the first coin"""
    game.start()
    game.press("RIGHT")
    game.seconds(0.6)
    state = game.state()
    assert state["score"] == 1, "the coin at (140, 120) is on the player's way: collect it"
    assert [140, 120] not in [list(c) for c in state["coins"]], "a collected coin leaves state()['coins']"
