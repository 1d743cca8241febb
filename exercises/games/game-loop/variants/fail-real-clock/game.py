"""A window and a game loop: clear the screen, count frames, keep time with dt, blink a square."""

import pygame

WIDTH, HEIGHT = 320, 240
FPS = 60
BACKGROUND = (30, 30, 60)
YELLOW = (255, 220, 0)
SQUARE = 40


class Game:
    def __init__(self, screen):
        self.width, self.height = screen.get_size()
        self.frames = 0
        self.elapsed = 0.0
        self.started = pygame.time.get_ticks()
        self.running = True

    def handle_event(self, event):
        if event.type == pygame.QUIT:
            self.running = False
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.running = False

    def update(self, dt):
        self.frames += 1
        self.elapsed = (pygame.time.get_ticks() - self.started) / 1000

    def square_visible(self):
        return self.elapsed % 1.0 < 0.5

    def draw(self, screen):
        screen.fill(BACKGROUND)
        if self.square_visible():
            square = pygame.Rect(0, 0, SQUARE, SQUARE)
            square.center = (self.width // 2, self.height // 2)
            pygame.draw.rect(screen, YELLOW, square)

    def state(self):
        return {"frames": self.frames, "elapsed": self.elapsed, "running": self.running}


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
