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


def spans_overlap(start_a, length_a, start_b, length_b):
    """Do the intervals [start, start + length) on one axis share some length?"""
    return max(start_a, start_b) < min(start_a + length_a, start_b + length_b)


def rects_overlap(a, b):
    """Two rectangles overlap when their spans overlap on both axes."""
    return spans_overlap(a[0], a[2], b[0], b[2]) and spans_overlap(a[1], a[3], b[1], b[3])


def circles_overlap(c1, r1, c2, r2):
    """Compare squared distances: no square root needed."""
    dx, dy = c2[0] - c1[0], c2[1] - c1[1]
    return dx * dx + dy * dy < (r1 + r2) ** 2


def circle_rect_overlap(centre, radius, rect):
    """How far the centre is outside the rectangle on each axis (0 when within its span)."""
    cx, cy = centre
    x, y, w, h = rect
    outside_x = max(x - cx, 0, cx - (x + w))
    outside_y = max(y - cy, 0, cy - (y + h))
    return outside_x ** 2 + outside_y ** 2 < radius ** 2


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
        for coin in list(self.coins):
            if circles_overlap(player, PLAYER_RADIUS, coin, COIN_RADIUS):
                self.coins.remove(coin)
                self.score += 1
        if any(circle_rect_overlap(player, PLAYER_RADIUS, lava) for lava in LAVA):
            self.deaths += 1
            self.x, self.y = START

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
