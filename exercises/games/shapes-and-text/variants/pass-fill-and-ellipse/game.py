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
    """Rectangles painted with Surface.fill, the sun as an ellipse in its 50x50 box, the text centred on its left."""

    def __init__(self, screen):
        self.ground = pygame.Rect(0, 180, *screen.get_size()).clip(screen.get_rect())
        self.wall = pygame.Rect(100, 110, 100, 70)
        self.door = pygame.Rect(0, 0, 30, 40)
        self.door.midbottom = (150, self.wall.bottom)
        self.sun = pygame.Rect(0, 0, 50, 50)
        self.sun.center = (260, 50)
        self.font = pygame.font.Font(None, 32)
        self.presses = []

    def handle_event(self, event):
        if event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE:
            self.presses.append(event)

    def update(self, dt):
        pass

    def draw(self, screen):
        screen.fill(SKY)
        screen.fill(GROUND, self.ground)
        screen.fill(WALL, self.wall)
        screen.fill(DOOR, self.door)
        pygame.draw.polygon(screen, ROOF, [(self.wall.left - 10, self.wall.top), (150, 60),
                                           (self.wall.right + 10, self.wall.top)])
        pygame.draw.ellipse(screen, SUN, self.sun)
        text = self.font.render("Score: " + str(len(self.presses)), True, TEXT)
        screen.blit(text, text.get_rect(topleft=(10, 10)))

    def state(self):
        return {"score": len(self.presses)}


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
