"""A tile map and a scrolling camera: walk a maze bigger than the window, never through a wall."""

import math

import pygame

WIDTH, HEIGHT = 320, 240
FPS = 60
TILE = 32  # each tile is TILE x TILE pixels
SIZE = 20  # the player is a SIZE x SIZE square
SPEED = 120  # pixels per second
DASH = 128  # pixels, all at once

FLOOR = (40, 44, 56)
FLOOR_LINE = (48, 53, 68)
WALL = (120, 110, 150)
WALL_EDGE = (84, 76, 108)
PLAYER = (250, 200, 60)
EYE = (40, 30, 10)

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
START = (70.0, 70.0)  # the player's top-left corner, in world coordinates


def is_wall(col, row):
    """Is the tile at (col, row) a wall? Everything outside the map counts as wall."""
    if not (0 <= row < len(MAP) and 0 <= col < len(MAP[0])):
        return True
    return MAP[row][col] == "#"


class Game:
    """Walls are found by walking the tile columns (or rows) a move crosses; the view is a clamped Rect."""

    def __init__(self, screen):
        self.view = screen.get_rect()
        self.world = pygame.Rect(0, 0, len(MAP[0]) * TILE, len(MAP) * TILE)
        self.pos = pygame.math.Vector2(START)
        self.facing = pygame.math.Vector2(1, 0)
        self.follow()

    def handle_event(self, event):
        if event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE:
            self.move(self.facing * DASH)
            self.follow()

    def update(self, dt):
        keys = pygame.key.get_pressed()
        direction = pygame.math.Vector2(keys[pygame.K_RIGHT] - keys[pygame.K_LEFT],
                                        keys[pygame.K_DOWN] - keys[pygame.K_UP])
        if direction.length_squared():
            self.facing = direction.normalize()
            self.move(self.facing * SPEED * dt)
        self.follow()

    def move(self, delta):
        self.pos.x = self.sweep(self.pos.x, self.pos.y, delta.x, lambda lane, cross: is_wall(lane, cross))
        self.pos.y = self.sweep(self.pos.y, self.pos.x, delta.y, lambda lane, cross: is_wall(cross, lane))

    @staticmethod
    def sweep(start, across, distance, wall_at):
        """Where a move of `distance` along one axis ends: before the first lane of tiles holding a wall.

        `start` is the player's coordinate on the moving axis, `across` the one on the other axis;
        `wall_at(lane, cross)` tells whether the tile in that lane and that cross position is a wall.
        """
        crosses = range(math.floor(across / TILE), math.ceil((across + SIZE) / TILE))
        if distance > 0:
            front, end = start + SIZE, start + SIZE + distance
            lanes = range(math.ceil(front / TILE), math.ceil(end / TILE))
        elif distance < 0:
            front, end = start, start + distance
            lanes = range(math.ceil(front / TILE) - 1, math.floor(end / TILE) - 1, -1)
        else:
            return start
        for lane in lanes:
            if any(wall_at(lane, cross) for cross in crosses):
                return lane * TILE - SIZE if distance > 0 else (lane + 1) * TILE
        return start + distance

    def follow(self):
        """Centre the view on the player, then keep it inside the world."""
        self.view.center = (round(self.pos.x + SIZE / 2), round(self.pos.y + SIZE / 2))
        self.view.clamp_ip(self.world)

    def draw(self, screen):
        screen.fill(FLOOR)
        offset = (-self.view.x, -self.view.y)
        for row in range(self.view.top // TILE, self.view.bottom // TILE + 1):
            for col in range(self.view.left // TILE, self.view.right // TILE + 1):
                tile = pygame.Rect(col * TILE, row * TILE, TILE, TILE).move(offset)
                if is_wall(col, row):
                    screen.fill(WALL, tile)
                    pygame.draw.rect(screen, WALL_EDGE, tile, 3)
                else:
                    pygame.draw.rect(screen, FLOOR_LINE, tile, 1)
        player = pygame.Rect(round(self.pos.x), round(self.pos.y), SIZE, SIZE).move(offset)
        screen.fill(PLAYER, player)
        pygame.draw.circle(screen, EYE, player.center + self.facing * 6, 2)

    def state(self):
        return {"player": [self.pos.x, self.pos.y], "camera": [self.view.x, self.view.y]}


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Tile map: arrows walk, SPACE dashes")
    clock = pygame.time.Clock()
    game = Game(screen)
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                return
            game.handle_event(event)
        game.update(clock.tick(FPS) / 1000)
        game.draw(screen)
        pygame.display.flip()


if __name__ == "__main__":
    main()
