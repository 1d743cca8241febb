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
    """Stop a coordinate that went past a wall on the wall, heading away from it."""
    if position > high:
        return high, -abs(velocity)
    if position < low:
        return low, abs(velocity)
    return position, velocity


class Game:
    def __init__(self, screen):
        self.width, self.height = screen.get_size()
        self.x, self.y = self.width / 2, self.height / 2
        self.vx, self.vy = START_VELOCITY
        self.font = pygame.font.Font(None, 22)

    def handle_event(self, event):
        factors = {pygame.K_UP: 2, pygame.K_DOWN: 0.5}
        if event.type == pygame.KEYDOWN and event.key in factors:
            self.vx *= factors[event.key]
            self.vy *= factors[event.key]
        elif event.type == pygame.MOUSEBUTTONDOWN:
            inside = pygame.Rect(RADIUS, RADIUS, self.width - 2 * RADIUS, self.height - 2 * RADIUS)
            self.x, self.y = pygame.Rect(event.pos, (0, 0)).clamp(inside).topleft

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
