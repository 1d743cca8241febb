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
        self.running = True

    def handle_event(self, event):
        # TODO: stop running on pygame.QUIT and when ESCAPE is pressed
        pass

    def update(self, dt):
        # TODO: count this frame and add dt (seconds) to the elapsed time
        pass

    def draw(self, screen):
        # TODO: fill the background, then draw the yellow square while it is visible
        pass

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
            if event.type == pygame.QUIT:  # remove this once handle_event stops the game
                game.running = False
            game.handle_event(event)
        game.update(clock.tick(FPS) / 1000)
        game.draw(screen)
        pygame.display.flip()
    pygame.quit()


if __name__ == "__main__":
    main()
