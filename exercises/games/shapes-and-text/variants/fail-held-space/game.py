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
        pass

    def update(self, dt):
        if pygame.key.get_pressed()[pygame.K_SPACE]:
            self.score += 1

    def draw(self, screen):
        screen.fill(SKY)
        pygame.draw.rect(screen, GROUND, (0, 180, self.width, self.height - 180))
        pygame.draw.rect(screen, WALL, (100, 110, 100, 70))
        pygame.draw.rect(screen, DOOR, (135, 140, 30, 40))
        pygame.draw.polygon(screen, ROOF, [(90, 110), (150, 60), (210, 110)])
        pygame.draw.circle(screen, SUN, (260, 50), 25)
        text = self.font.render(f"Score: {self.score}", True, TEXT)
        screen.blit(text, (10, 10))

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
