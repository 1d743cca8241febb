"""A window and a game loop: clear the screen, count frames, keep time with dt, blink a square."""

import pygame

WIDTH, HEIGHT = 320, 240
FPS = 60
BACKGROUND = (30, 30, 60)
YELLOW = (255, 220, 0)
SQUARE = 40


class Game:
    """The square is a ready-made Surface; it shows during the even half-seconds."""

    def __init__(self, screen):
        self.area = screen.get_rect()
        self.square = pygame.Surface((SQUARE, SQUARE))
        self.square.fill(YELLOW)
        self.stats = {"frames": 0, "elapsed": 0.0, "running": True}

    def handle_event(self, event):
        closing = event.type == pygame.QUIT
        escaping = event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE
        if closing or escaping:
            self.stats["running"] = False

    def update(self, dt):
        self.stats["frames"] += 1
        self.stats["elapsed"] += dt

    def draw(self, screen):
        screen.fill(BACKGROUND)
        if int(self.stats["elapsed"] * 2) % 2 == 0:
            screen.blit(self.square, self.square.get_rect(center=self.area.center))

    def state(self):
        return dict(self.stats)


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Game loop")
    clock = pygame.time.Clock()
    game = Game(screen)
    while game.running:
        for event in pygame.event.get():
            game.handle_event(event)
        game.update(clock.tick(FPS) / 1000)
        game.draw(screen)
        pygame.display.flip()
    pygame.quit()


if __name__ == "__main__":
    main()
