import math

import pytest

TILE, SIZE = 32, 20
SPEED, DASH = 120, 128
START = (70, 70)
FLOOR = (40, 44, 56)
WALL = (120, 110, 150)
PLAYER = (250, 200, 60)
MAP = [
    "##############################",
    "#............................#",
    "#............................#",
    "#....................#.......#",
    "#....##...#.......#..#...##..#",
    "#....##...#.......#..#...##..#",
    "#.........#.......#..........#",
    "#.........#.......#####......#",
    "#...####..#..............#...#",
    "#.........#......#.......#...#",
    "#...#.........####.......#...#",
    "#...#....................#...#",
    "#...#...####.......#######...#",
    "#............#...............#",
    "#............#.....##........#",
    "#...######...#.....##....#...#",
    "#............#...........#...#",
    "#.......#................#...#",
    "#.......#.......####.........#",
    "##############################",
]
MAP_W, MAP_H = len(MAP[0]) * TILE, len(MAP) * TILE


def read(game):
    state = game.state()
    assert isinstance(state, dict) and {"player", "camera"} <= set(state), (
        "state() must be a dict with the keys player and camera"
    )
    try:
        (x, y), (cx, cy) = state["player"], state["camera"]
    except (TypeError, ValueError):
        raise AssertionError("state()['player'] and state()['camera'] must each be a pair [x, y]") from None
    assert all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (x, y, cx, cy)), (
        "the player's position and the camera must be numbers"
    )
    return x, y, cx, cy


def walls_under(x, y):
    """The wall tiles the player's square at (x, y) overlaps (touching doesn't count)."""
    found = []
    for row in range(math.floor(y / TILE), math.ceil((y + SIZE) / TILE)):
        for col in range(math.floor(x / TILE), math.ceil((x + SIZE) / TILE)):
            outside = not (0 <= row < len(MAP) and 0 <= col < len(MAP[0]))
            if outside or MAP[row][col] == "#":
                found.append((col, row))
    return found


def hold(game, keys, seconds):
    for key in keys:
        game.press(key)
    game.seconds(seconds)
    for key in keys:
        game.release(key)
    game.step()  # the frame where the keys are up moves nothing


def dash(game):
    game.press("SPACE")
    game.step()
    game.release("SPACE")
    game.step()


def to_the_thin_wall(game, info):
    """Walk down to row 6, then right until the one-tile wall in column 10 stops the player."""
    game.press("DOWN")
    game.step(int(127 / (SPEED / info["fps"])))  # about 127 px down: the player's square is in row 6 only
    game.release("DOWN")
    game.step()
    x, y, _, _ = read(game)
    assert 192 <= y <= 204 and x == START[0], (
        "walking down from the start must move the player straight down at SPEED; fix the walking first"
    )
    hold(game, ["RIGHT"], 3)
    return read(game)


# --- walking and walls --------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.parametrize("key, dx, dy", [("RIGHT", 1, 0), ("LEFT", -1, 0), ("DOWN", 0, 1), ("UP", 0, -1)])
def test_walk_speed(game, key, dx, dy):
    """The player walks SPEED pixels per second with each arrow key"""
    info = game.start()
    hold(game, [key], 0.2)
    x, y, _, _ = read(game)
    moved = (x - START[0], y - START[1])
    want = SPEED * round(0.2 * info["fps"]) / info["fps"]
    assert moved != (0, 0), f"holding {key} did not move the player"
    assert abs(moved[0] - want * dx) <= 0.5 and abs(moved[1] - want * dy) <= 0.5, (
        f"holding {key} for 0.2 s must move the player {want:g} px that way only, and it didn't: "
        "move SPEED * dt each frame, whatever the frame rate"
    )


def test_diagonal(game):
    """Walking diagonally is as fast as walking straight"""
    game.start()
    hold(game, ["RIGHT", "DOWN"], 0.5)
    x, y, _, _ = read(game)
    moved = math.hypot(x - START[0], y - START[1])
    assert abs((x - START[0]) - (y - START[1])) <= 0.5, "RIGHT and DOWN together move as far right as down"
    assert abs(moved - 60) <= 1, (
        "holding RIGHT and DOWN for 0.5 s must move the player 60 px in all, and it didn't: normalise the direction "
        "and move SPEED * dt along it"
    )


@pytest.mark.points(2)
def test_stops_against_walls(game):
    """Walking into a wall stops the player right against it"""
    game.start()
    hold(game, ["LEFT"], 1)
    x, y, _, _ = read(game)
    assert x >= 32 - 0.01, "the player walked into the wall on the left: it must stop where the wall tile ends"
    assert x <= 32 + 0.01, (
        "the player stopped short of the wall on the left: put it right against the wall "
        "(its left edge on the tile's right edge), don't just cancel the last move"
    )
    assert y == START[1], "walking left must not change y"
    hold(game, ["UP"], 1)
    x, y, _, _ = read(game)
    assert abs(y - 32) <= 0.01, "walking up into the top wall must stop the player right below it (y = 32)"


@pytest.mark.points(2)
def test_slides_along_a_wall(game):
    """Holding UP and RIGHT against the top wall still moves the player right"""
    game.start()
    hold(game, ["UP"], 1)
    x0, y0, _, _ = read(game)
    hold(game, ["UP", "RIGHT"], 0.5)
    x, y, _, _ = read(game)
    assert y >= 32 - 0.01, "the player went into the top wall"
    assert x - x0 >= 20, (
        "against the top wall, UP and RIGHT together must still move the player right: resolve the walls one "
        "axis at a time and stop only the movement that goes into a wall"
    )


# --- the dash ------------------------------------------------------------------------------------


def test_dash_in_the_open(game):
    """SPACE dashes DASH pixels in the direction the player faces"""
    game.start()
    hold(game, ["DOWN"], 0.1)
    x1, y1, _, _ = read(game)
    dash(game)
    x2, y2, _, _ = read(game)
    assert (x2, y2) != (x1, y1), "SPACE must dash: move the player DASH (128) px at once, on the KEYDOWN event"
    assert x2 == x1 and abs(y2 - (y1 + DASH)) <= 0.01, (
        "after walking down the player faces down: SPACE dashes DASH (128) px down"
    )
    hold(game, ["RIGHT"], 0.1)
    x1, y1, _, _ = read(game)
    dash(game)
    x2, y2, _, _ = read(game)
    assert abs(x2 - (x1 + DASH)) <= 0.01 and y2 == y1, (
        "after walking right the player faces right: SPACE dashes DASH (128) px to the right"
    )
    game.start()
    dash(game)
    x, y, _, _ = read(game)
    assert abs(x - (START[0] + DASH)) <= 0.01 and y == START[1], "a new player faces right: SPACE dashes right"


@pytest.mark.points(2)
def test_dash_stops_at_a_wall(game):
    """A dash towards a wall nearer than DASH stops right against it"""
    game.start()
    hold(game, ["LEFT"], 0.1)
    dash(game)
    x, _, _, _ = read(game)
    assert x >= 32 - 0.01, "the dash took the player into (or past) the wall on the left"
    assert x <= 32 + 0.01, (
        "a dash towards a wall 26 px away must take the player up to the wall (x = 32), "
        "not be cancelled because the whole dash doesn't fit"
    )
    hold(game, ["UP"], 0.1)
    dash(game)
    _, y, _, _ = read(game)
    assert abs(y - 32) <= 0.01, "a dash up towards the top wall stops right below it (y = 32)"


@pytest.mark.points(3)
def test_dash_does_not_tunnel(game):
    """A dash never jumps over a wall, even one a single tile thick"""
    info = game.start()
    x, y, _, _ = to_the_thin_wall(game, info)
    assert abs(x - 300) <= 0.01, "walking right along row 6 must stop against the wall tile in column 10 (x = 300)"
    dash(game)
    x, y, _, _ = read(game)
    assert x <= 300 + 0.01, (
        "the dash took the player from x = 300 through the one-tile wall in front of it: "
        "a move longer than the wall is thick can jump over it when only its end is checked. Check the way "
        "there: in steps shorter than a tile, or every tile the move crosses"
    )
    assert x >= 300 - 0.01, "a dash into a wall it already touches leaves the player where it is"


@pytest.mark.points(2)
def test_never_inside_a_wall(game):
    """Walking and dashing around the map, the player never overlaps a wall"""
    info = game.start()
    route = [
        (["RIGHT", "DOWN"], 1.5), ("dash", 0), (["DOWN"], 1), ("dash", 0), (["LEFT"], 1), ("dash", 0),
        (["UP", "LEFT"], 1), ("dash", 0), (["RIGHT"], 2), ("dash", 0), ("dash", 0), (["DOWN"], 2.5),
        ("dash", 0), (["RIGHT", "UP"], 1), ("dash", 0), (["LEFT"], 0.6), ("dash", 0), ("dash", 0),
        (["DOWN", "LEFT"], 2), ("dash", 0), (["UP"], 1.5), ("dash", 0),
    ]
    seen = set()
    for keys, seconds in route:
        if keys == "dash":
            game.press("SPACE")
            frames = 1
        else:
            for key in keys:
                game.press(key)
            frames = round(seconds * info["fps"])
        for _ in range(frames):
            game.step()
            x, y, _, _ = read(game)
            seen.add((round(x), round(y)))
            inside = walls_under(x, y)
            assert not inside, (
                f"the player's square overlaps the wall tile at column {inside[0][0]}, "
                f"row {inside[0][1]}: after {'a dash' if keys == 'dash' else 'walking ' + '+'.join(keys)}"
            )
        for key in ["SPACE"] if keys == "dash" else keys:
            game.release(key)
        game.step()
    assert len(seen) > 100, "the player hardly moved on a long walk around the map"


# --- the camera ----------------------------------------------------------------------------------


def test_camera_at_the_start(game):
    """At the start the camera shows the map's top-left corner, not beyond it"""
    game.start()
    game.step()
    _, _, cx, cy = read(game)
    assert cx >= 0 and cy >= 0, (
        "the player starts near the map's top-left corner and the camera went left of or above the map: "
        "clamp it so it never shows anything outside the map (no less than 0)"
    )
    assert (cx, cy) == (0, 0), "near the top-left corner the camera is at (0, 0)"


@pytest.mark.points(2)
def test_camera_follows_the_player(game):
    """The camera keeps the player's centre in the middle of the window"""
    info = game.start()
    w, h = info["width"], info["height"]
    game.press("RIGHT")
    for _ in range(8):
        game.step(round(0.25 * info["fps"]))
        x, y, cx, cy = read(game)
        want = min(max(x + SIZE / 2 - w / 2, 0), MAP_W - w)
        assert abs(cx - want) <= 1, (
            "walking right, the camera doesn't keep the player's centre in the middle of the window: camera_x = "
            "the player's centre x - half the window's width (updated after the player moves, every frame)"
        )
    game.release("RIGHT")
    game.start()
    game.press("DOWN")
    game.seconds(2)
    x, y, cx, cy = read(game)
    assert abs(cy - (y + SIZE / 2 - h / 2)) <= 1, (
        "walking down, camera_y = the player's centre y - half the window's height"
    )
    assert cx == 0, "walking down the left side of the map, the camera stays at x = 0"


@pytest.mark.points(2)
def test_camera_clamped_at_the_far_edges(game):
    """At the right and bottom edges of the map the camera stops"""
    info = game.start()
    w, h = info["width"], info["height"]
    game.press("RIGHT")
    for _ in range(18):
        game.seconds(0.5)
        _, _, cx, _ = read(game)
        assert cx <= MAP_W - w + 0.01, (
            "the camera went past the right edge of the map: camera_x is at most the map's width minus the "
            "window's width"
        )
    x, _, cx, _ = read(game)
    assert abs(x - (MAP_W - TILE - SIZE)) <= 0.01, "walking right along row 2 stops against the wall on the right"
    assert abs(cx - (MAP_W - w)) <= 0.01, (
        "at the right end of the map the camera stops with the map's right edge on the window's right edge"
    )
    game.release("RIGHT")
    game.start()
    hold(game, ["DOWN"], 6)
    _, y, _, cy = read(game)
    assert abs(y - (MAP_H - TILE - SIZE)) <= 0.01, "walking down the left side stops against the bottom wall"
    assert abs(cy - (MAP_H - h)) <= 0.01, (
        "at the bottom of the map the camera stops: camera_y is at most the map's height minus the window's height"
    )


def player_on_screen(game, when):
    x, y, cx, cy = read(game)
    sx, sy = round(x) - round(cx), round(y) - round(cy)
    assert 0 <= sx <= 320 - SIZE and 0 <= sy <= 240 - SIZE, (
        f"{when} the camera does not show the player: "
        "make the camera follow the player"
    )
    for px, py in ((sx + 3, sy + 3), (sx + SIZE - 4, sy + SIZE - 4), (sx + SIZE // 2, sy + SIZE // 2)):
        assert game.pixel(px, py) == PLAYER, (
            f"{when} the player is not drawn where it is on the screen: draw it at its world position minus the "
            "camera (x - camera_x, y - camera_y), not at its world position"
        )


@pytest.mark.points(2)
def test_player_drawn_on_screen(game):
    """The player is drawn at its screen position: world position minus the camera"""
    game.start()
    game.step()
    player_on_screen(game, "at the start")
    hold(game, ["RIGHT"], 3)
    player_on_screen(game, "after walking right for 3 s")
    hold(game, ["RIGHT"], 6)
    player_on_screen(game, "at the right edge of the map")


@pytest.mark.points(2)
def test_map_scrolls(game):
    """The tiles are drawn at their screen position too"""
    game.start()
    game.step()
    look_at_tiles(game, [(5, 4), (3, 4)], "at the start")
    hold(game, ["RIGHT"], 3)
    look_at_tiles(game, [(10, 4), (9, 4), (13, 1)], "after walking right for 3 s")
    hold(game, ["RIGHT"], 6)
    look_at_tiles(game, [(29, 3), (25, 4), (24, 4)], "at the right end of the map")


def look_at_tiles(game, tiles, when):
    """Each tile's centre, moved by the camera from state(), shows the tile's colour."""
    _, _, cx, cy = read(game)
    for col, row in tiles:
        wall = MAP[row][col] == "#"
        sx, sy = col * TILE + TILE // 2 - round(cx), row * TILE + TILE // 2 - round(cy)
        if 0 <= sx < 320 and 0 <= sy < 240:
            assert game.pixel(sx, sy) == (WALL if wall else FLOOR), (
                f"{when} the {'wall' if wall else 'floor'} tile in column {col}, row {row} is not drawn where the "
                "camera shows it: draw each tile TILE x TILE at (col * TILE - camera_x, row * TILE - camera_y), "
                "walls in WALL and floor in FLOOR"
            )
