"""A tile map and a scrolling camera: walk a maze bigger than the window, never through a wall."""

import math

import pygame

WIDTH, HEIGHT = 320, 240
FPS = 60
TILE = 32  # each tile is TILE x TILE pixels
SIZE = 20  # the player is a SIZE x SIZE square
SPEED = 120  # pixels per second
DASH = 128  # pixels, all at once
STEP = 8  # the longest move checked at once: shorter than a tile and than the player

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
    def __init__(self, screen):
        self.width, self.height = screen.get_size()
        self.map_width, self.map_height = len(MAP[0]) * TILE, len(MAP) * TILE
        self.x, self.y = START
        self.facing = (1.0, 0.0)
        self.camera_x = self.camera_y = 0.0
        self.update_camera()

    def handle_event(self, event):
        if event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE:
            self.move(self.facing[0] * DASH, self.facing[1] * DASH)
            self.update_camera()

    def update(self, dt):
        keys = pygame.key.get_pressed()
        dx = keys[pygame.K_RIGHT] - keys[pygame.K_LEFT]
        dy = keys[pygame.K_DOWN] - keys[pygame.K_UP]
        length = math.hypot(dx, dy)
        if length:
            self.facing = (dx / length, dy / length)
            self.move(self.facing[0] * SPEED * dt, self.facing[1] * SPEED * dt)
        self.update_camera()

    # collisions: one axis at a time, in short steps, stopping flush against the first wall

    def hits_wall(self, x, y):
        """Does the player's square with its top-left corner at (x, y) overlap a wall tile?"""
        first_col, first_row = int(x // TILE), int(y // TILE)
        last_col, last_row = math.ceil((x + SIZE) / TILE) - 1, math.ceil((y + SIZE) / TILE) - 1
        return any(is_wall(col, row) for row in range(first_row, last_row + 1)
                   for col in range(first_col, last_col + 1))

    def move(self, dx, dy):
        self.x = self.slide(self.x, dx, lambda x: self.hits_wall(x, self.y))
        self.y = self.slide(self.y, dy, lambda y: self.hits_wall(self.x, y))

    def slide(self, position, distance, blocked):
        """Move `position` by `distance` in steps of at most STEP; stop against the first wall."""
        steps = math.ceil(abs(distance) / STEP)
        for _ in range(steps):
            ahead = position + distance / steps
            if blocked(ahead):
                if distance > 0:  # the wall's tile starts where the player's far edge went in
                    return (math.ceil((ahead + SIZE) / TILE) - 1) * TILE - SIZE
                return (ahead // TILE + 1) * TILE
            position = ahead
        return position

    # the camera: the top-left corner of the window, in world coordinates

    def update_camera(self):
        self.camera_x = max(0, min(self.x + SIZE / 2 - self.width / 2, self.map_width - self.width))
        self.camera_y = max(0, min(self.y + SIZE / 2 - self.height / 2, self.map_height - self.height))

    def draw(self, screen):
        screen.fill(FLOOR)
        ox, oy = round(self.camera_x), round(self.camera_y)
        for row in range(oy // TILE, (oy + self.height) // TILE + 1):
            for col in range(ox // TILE, (ox + self.width) // TILE + 1):
                tile = pygame.Rect(col * TILE - ox, row * TILE - oy, TILE, TILE)
                if is_wall(col, row):
                    pygame.draw.rect(screen, WALL, tile)
                    pygame.draw.rect(screen, WALL_EDGE, tile, 3)
                else:
                    pygame.draw.rect(screen, FLOOR_LINE, tile, 1)
        player = pygame.Rect(round(self.x), round(self.y), SIZE, SIZE)
        pygame.draw.rect(screen, PLAYER, player)
        eye = (player.centerx + round(self.facing[0] * 6), player.centery + round(self.facing[1] * 6))
        pygame.draw.circle(screen, EYE, eye, 2)

    def state(self):
        return {"player": [self.x, self.y], "camera": [self.camera_x, self.camera_y]}


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
