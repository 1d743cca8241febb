"""A ball bouncing off the four walls at any speed."""

import pygame

WIDTH, HEIGHT = 320, 240
FPS = 60
BACKGROUND = (10, 10, 30)
BALL_COLOUR = (255, 255, 255)
TEXT_COLOUR = (150, 150, 190)
RADIUS = 10
START_VELOCITY = (150, 100)  # pixels per second


def bounce(position, velocity, low, high):
    """Reflect a coordinate off the walls at `low` and `high` until it lies between them."""
    while position < low or position > high:
        if position > high:
            position = 2 * high - position
            velocity = -abs(velocity)
        else:
            position = 2 * low - position
            velocity = abs(velocity)
    return position, velocity


class Game:
    def __init__(self, screen):
        self.width, self.height = screen.get_size()
        self.x, self.y = self.width / 2, self.height / 2
        self.vx, self.vy = START_VELOCITY
        self.font = pygame.font.Font(None, 22)

    def handle_event(self, event):
        if event.type == pygame.KEYDOWN and event.key == pygame.K_UP:
            self.vx, self.vy = self.vx * 2, self.vy * 2
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_DOWN:
            self.vx, self.vy = self.vx // 2, self.vy // 2
        elif event.type == pygame.MOUSEBUTTONDOWN:
            x, y = event.pos
            self.x = max(RADIUS, min(x, self.width - RADIUS))
            self.y = max(RADIUS, min(y, self.height - RADIUS))

    def update(self, dt):
        self.x, self.vx = bounce(self.x + self.vx * dt, self.vx, RADIUS, self.width - RADIUS)
        self.y, self.vy = bounce(self.y + self.vy * dt, self.vy, RADIUS, self.height - RADIUS)

    def draw(self, screen):
        screen.fill(BACKGROUND)
        pygame.draw.circle(screen, BALL_COLOUR, (round(self.x), round(self.y)), RADIUS)
        speed = (self.vx ** 2 + self.vy ** 2) ** 0.5
        screen.blit(self.font.render(f"{speed:.0f} px/s   UP faster, DOWN slower", True, TEXT_COLOUR), (8, 8))

    def state(self):
        return {"x": self.x, "y": self.y, "vx": self.vx, "vy": self.vy}


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Bouncing ball: UP faster, DOWN slower, click to move it")
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
