import pygame

SPEED = 240


class Game:
    def __init__(self, screen):
        self.width, self.height = screen.get_size()
        self.x = self.width / 2 - 20

    def handle_event(self, event):
        pass

    def update(self, dt):
        keys = pygame.key.get_pressed()
        direction = keys[pygame.K_RIGHT] - keys[pygame.K_LEFT]
        self.x = max(0, min(self.width - 40, self.x + direction * SPEED * dt))

    def draw(self, screen):
        screen.fill((0, 0, 0))
        pygame.draw.rect(screen, (255, 255, 255), (round(self.x), self.height - 20, 40, 10))

    def state(self):
        return {"x": self.x}


def main():
    pygame.init()
    screen = pygame.display.set_mode((320, 240))
    game, clock = Game(screen), pygame.time.Clock()
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            game.handle_event(event)
        game.update(clock.tick(60) / 1000)
        game.draw(screen)
        pygame.display.flip()


if __name__ == "__main__":
    main()
