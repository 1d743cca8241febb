"""Drawing shapes and text: a house, the sun and a score."""

import pygame

WIDTH, HEIGHT = 320, 240
FPS = 30
SKY = (135, 206, 235)
GROUND = (70, 160, 60)
WALL = (200, 80, 60)
DOOR = (90, 50, 20)
ROOF = (120, 40, 30)
SUN = (255, 210, 0)
TEXT = (0, 0, 0)


class Game:
    def __init__(self, screen):
        self.width, self.height = screen.get_size()
        self.font = pygame.font.Font(None, 32)
        self.score = 0

    def handle_event(self, event):
        # TODO: add 1 to the score each time SPACE is pressed
        pass

    def update(self, dt):
        pass

    def draw(self, screen):
        screen.fill(SKY)
        # TODO: the ground, the wall, the door, the roof, the sun and "Score: N"

    def state(self):
        return {"score": self.score}


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Shapes and text")
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
