"""Move a sprite with the arrow keys or WASD, at SPEED pixels per second, inside the window."""

import math

import pygame

WIDTH, HEIGHT = 320, 240
FPS = 60
BACKGROUND = (20, 20, 30)
SIZE = 32
SPEED = 180  # pixels per second


def make_sprite():
    image = pygame.Surface((SIZE, SIZE))
    image.fill((80, 200, 120))
    pygame.draw.rect(image, (40, 120, 70), image.get_rect(), 3)
    for eye_x in (10, 22):
        pygame.draw.circle(image, (255, 255, 255), (eye_x, 12), 4)
        pygame.draw.circle(image, (0, 0, 0), (eye_x, 12), 2)
    return image


class Game:
    def __init__(self, screen):
        self.width, self.height = screen.get_size()
        self.image = make_sprite()
        self.x = (self.width - SIZE) / 2
        self.y = (self.height - SIZE) / 2

    def handle_event(self, event):
        pass

    def update(self, dt):
        keys = pygame.key.get_pressed()
        dx = (keys[pygame.K_RIGHT] or keys[pygame.K_d]) - (keys[pygame.K_LEFT] or keys[pygame.K_a])
        dy = (keys[pygame.K_DOWN] or keys[pygame.K_s]) - (keys[pygame.K_UP] or keys[pygame.K_w])
        length = math.hypot(dx, dy)
        if length:
            self.x += dx / length * SPEED * dt
            self.y += dy / length * SPEED * dt
        self.x = max(0, min(self.x, self.width))
        self.y = max(0, min(self.y, self.height))

    def draw(self, screen):
        screen.fill(BACKGROUND)
        screen.blit(self.image, (round(self.x), round(self.y)))

    def state(self):
        return {"x": self.x, "y": self.y}


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Move the sprite")
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
