"""Sprites, groups and animation: spinning coins, and sparkles that play once and vanish."""

import pygame

WIDTH, HEIGHT = 320, 240
FPS = 60
BACKGROUND = (30, 20, 40)
GOLD = (255, 200, 40)
TEXT = (240, 240, 240)

COIN_POSITIONS = [(60, 80), (110, 80), (160, 80), (210, 80), (260, 80)]
COIN_WIDTHS = (16, 10, 4, 10)  # the coin seen from the front, turning, edge-on, turning back
COIN_FPS = 8  # animation frames per second
SPARKLE_RADII = (4, 8, 12, 16, 20, 24)
SPARKLE_FPS = 12


def make_coin_frames():
    frames = []
    for width in COIN_WIDTHS:
        image = pygame.Surface((16, 16), pygame.SRCALPHA)
        pygame.draw.ellipse(image, GOLD, ((16 - width) // 2, 0, width, 16))
        frames.append(image)
    return frames


def make_sparkle_frames():
    frames = []
    for i, radius in enumerate(SPARKLE_RADII):
        image = pygame.Surface((48, 48), pygame.SRCALPHA)
        fade = 255 - i * 40
        pygame.draw.circle(image, (255, 255, fade), (24, 24), radius, 3)
        frames.append(image)
    return frames


class Coin(pygame.sprite.Sprite):
    """A coin that spins for ever: COIN_FPS animation frames per second, looping."""

    def __init__(self, centre):
        super().__init__()
        self.frames = make_coin_frames()
        self.frame = 0
        self.time = 0.0
        self.image = self.frames[0]
        self.rect = self.image.get_rect(center=centre)

    def update(self, dt):
        self.time += dt
        self.frame = int(self.time * COIN_FPS) % len(self.frames)


class Sparkle(pygame.sprite.Sprite):
    """A sparkle that plays its frames once at SPARKLE_FPS, then removes itself from every group."""

    def __init__(self, centre):
        super().__init__()
        self.frames = make_sparkle_frames()
        self.frame = 0
        self.time = 0.0
        self.image = self.frames[0]
        self.rect = self.image.get_rect(center=centre)

    def update(self, dt):
        self.time += dt
        self.frame = int(self.time * SPARKLE_FPS)
        if self.frame >= len(self.frames):
            self.kill()
        else:
            self.image = self.frames[self.frame]


class Game:
    def __init__(self, screen):
        self.width, self.height = screen.get_size()
        self.font = pygame.font.Font(None, 24)
        self.coins = pygame.sprite.Group(Coin(position) for position in COIN_POSITIONS)
        self.sparkles = pygame.sprite.Group()
        self.score = 0

    def handle_event(self, event):
        if event.type == pygame.MOUSEBUTTONDOWN:
            for coin in self.coins:
                if coin.rect.collidepoint(event.pos):
                    coin.kill()
                    self.score += 1
            self.sparkles.add(Sparkle(event.pos))

    def update(self, dt):
        self.coins.update(dt)
        self.sparkles.update(dt)

    def draw(self, screen):
        screen.fill(BACKGROUND)
        self.coins.draw(screen)
        self.sparkles.draw(screen)
        screen.blit(self.font.render(f"Coins: {self.score}   click the coins!", True, TEXT), (8, 8))

    def state(self):
        def describe(sprite):
            return {"x": sprite.rect.centerx, "y": sprite.rect.centery, "frame": sprite.frame}

        return {
            "coins": [describe(c) for c in self.coins],
            "sparkles": [describe(s) for s in self.sparkles],
            "score": self.score,
        }


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Sprites and animation")
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
