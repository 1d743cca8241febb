"""Rectangle and circle collisions: collect the coins, avoid the lava."""

import math

import pygame

WIDTH, HEIGHT = 320, 240
FPS = 60
BACKGROUND = (25, 30, 40)
PLAYER_COLOUR = (80, 160, 255)
COIN_COLOUR = (255, 215, 0)
LAVA_COLOUR = (220, 60, 30)
TEXT_COLOUR = (240, 240, 240)

SPEED = 150  # pixels per second
PLAYER_RADIUS = 12
COIN_RADIUS = 8
START = (40, 120)
COINS = [(140, 120), (240, 120), (160, 40), (280, 200)]
LAVA = [(20, 160, 60, 30), (200, 50, 30, 50)]  # (x, y, width, height)


def rects_overlap(a, b):
    """Do rectangles a and b, each (x, y, width, height), share some area? Touching edges don't count."""
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def circles_overlap(c1, r1, c2, r2):
    """Do the circles (centre c1, radius r1) and (centre c2, radius r2) overlap? Touching doesn't count."""
    return math.hypot(c2[0] - c1[0], c2[1] - c1[1]) < r1 + r2


def circle_rect_overlap(centre, radius, rect):
    """Does the circle overlap the rectangle (x, y, width, height)? Touching doesn't count."""
    cx, cy = centre
    x, y, w, h = rect
    nearest_x = max(x, min(cx, x + w))
    nearest_y = max(y, min(cy, y + h))
    return math.hypot(cx - nearest_x, cy - nearest_y) < radius


class Game:
    def __init__(self, screen):
        self.width, self.height = screen.get_size()
        self.font = pygame.font.Font(None, 24)
        self.x, self.y = START
        self.coins = list(COINS)
        self.score = 0
        self.deaths = 0

    def handle_event(self, event):
        pass

    def move(self, dt):
        keys = pygame.key.get_pressed()
        dx = keys[pygame.K_RIGHT] - keys[pygame.K_LEFT]
        dy = keys[pygame.K_DOWN] - keys[pygame.K_UP]
        length = math.hypot(dx, dy)
        if length:
            self.x += dx / length * SPEED * dt
            self.y += dy / length * SPEED * dt
        self.x = max(PLAYER_RADIUS, min(self.x, self.width - PLAYER_RADIUS))
        self.y = max(PLAYER_RADIUS, min(self.y, self.height - PLAYER_RADIUS))

    def update(self, dt):
        self.move(dt)
        player = (self.x, self.y)
        remaining = [c for c in self.coins if not circles_overlap(player, PLAYER_RADIUS, c, COIN_RADIUS)]
        self.score += len(self.coins) - len(remaining)
        self.coins = remaining
        if any(circle_rect_overlap(player, PLAYER_RADIUS, lava) for lava in LAVA):
            self.deaths += 1
            self.x, self.y = START
            self.coins = list(COINS)     # restart the level

    def draw(self, screen):
        screen.fill(BACKGROUND)
        for lava in LAVA:
            pygame.draw.rect(screen, LAVA_COLOUR, lava)
        for coin in self.coins:
            pygame.draw.circle(screen, COIN_COLOUR, coin, COIN_RADIUS)
        pygame.draw.circle(screen, PLAYER_COLOUR, (round(self.x), round(self.y)), PLAYER_RADIUS)
        text = self.font.render(f"Coins: {self.score}   Deaths: {self.deaths}", True, TEXT_COLOUR)
        screen.blit(text, (8, 8))

    def state(self):
        return {
            "player": [self.x, self.y],
            "coins": [list(c) for c in self.coins],
            "score": self.score,
            "deaths": self.deaths,
        }


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Coins and lava")
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
