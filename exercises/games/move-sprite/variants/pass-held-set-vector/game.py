"""Move a sprite with the arrow keys or WASD, at SPEED pixels per second, inside the window."""

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
    """Held keys followed through KEYDOWN/KEYUP events; the position is a Vector2."""

    DIRECTIONS = {
        pygame.K_RIGHT: (1, 0), pygame.K_d: (1, 0), pygame.K_LEFT: (-1, 0), pygame.K_a: (-1, 0),
        pygame.K_DOWN: (0, 1), pygame.K_s: (0, 1), pygame.K_UP: (0, -1), pygame.K_w: (0, -1),
    }

    def __init__(self, screen):
        self.bounds = pygame.math.Vector2(screen.get_size()) - (SIZE, SIZE)
        self.image = make_sprite()
        self.position = self.bounds / 2
        self.held = set()

    def handle_event(self, event):
        if event.type == pygame.KEYDOWN and event.key in self.DIRECTIONS:
            self.held.add(event.key)
        elif event.type == pygame.KEYUP:
            self.held.discard(event.key)

    def update(self, dt):
        direction = pygame.math.Vector2()
        for step in {self.DIRECTIONS[key] for key in self.held}:
            direction += step
        if direction.length_squared() > 0:
            self.position += direction.normalize() * SPEED * dt
        self.position.x = pygame.math.clamp(self.position.x, 0, self.bounds.x)
        self.position.y = pygame.math.clamp(self.position.y, 0, self.bounds.y)

    def draw(self, screen):
        screen.fill(BACKGROUND)
        screen.blit(self.image, (round(self.position.x), round(self.position.y)))

    def state(self):
        return {"x": self.position.x, "y": self.position.y}


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
