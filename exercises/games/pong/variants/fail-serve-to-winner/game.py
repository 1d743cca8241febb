"""Pong against the computer: the right paddle follows the ball at a capped speed."""

import math
import random

import pygame

WIDTH, HEIGHT = 400, 300
FPS = 60
BACKGROUND = (0, 0, 0)
FOREGROUND = (255, 255, 255)
NET = (90, 90, 90)

PADDLE_W, PADDLE_H = 10, 50
PLAYER_X = 20  # left edge of the player's paddle
PLAYER_SPEED = 300  # pixels per second
CPU_SPEED = 150  # pixels per second: the computer's paddle is slower than the ball
BALL_RADIUS = 6
SERVE_VX, SERVE_VY = 240, 180  # pixels per second
MAX_VY = 300  # vertical speed after hitting a paddle's very end


def circle_rect_overlap(centre, radius, rect):
    cx, cy = centre
    x, y, w, h = rect
    nearest_x = max(x, min(cx, x + w))
    nearest_y = max(y, min(cy, y + h))
    return math.hypot(cx - nearest_x, cy - nearest_y) < radius


class Game:
    def __init__(self, screen):
        self.width, self.height = screen.get_size()
        self.font = pygame.font.Font(None, 48)
        self.random = random.Random()
        self.player_y = self.cpu_y = self.height / 2
        self.score = [0, 0]  # [player, computer]
        self.serve(towards=-1)

    def serve(self, towards):
        """Put the ball in the centre, moving towards the player (-1) or the computer (+1)."""
        self.x, self.y = self.width / 2, self.height / 2
        self.vx = SERVE_VX * towards
        self.vy = SERVE_VY * self.random.choice((-1, 1))

    def paddle(self, x, centre_y):
        return (x, centre_y - PADDLE_H / 2, PADDLE_W, PADDLE_H)

    def player_rect(self):
        return self.paddle(PLAYER_X, self.player_y)

    def cpu_rect(self):
        return self.paddle(self.width - PLAYER_X - PADDLE_W, self.cpu_y)

    def clamp_paddle(self, y):
        return max(PADDLE_H / 2, min(y, self.height - PADDLE_H / 2))

    def handle_event(self, event):
        pass

    def update(self, dt):
        keys = pygame.key.get_pressed()
        direction = (keys[pygame.K_DOWN] or keys[pygame.K_s]) - (keys[pygame.K_UP] or keys[pygame.K_w])
        self.player_y = self.clamp_paddle(self.player_y + direction * PLAYER_SPEED * dt)

        self.x += self.vx * dt
        self.y += self.vy * dt
        if self.y - BALL_RADIUS < 0:
            self.y, self.vy = 2 * BALL_RADIUS - self.y, abs(self.vy)
        elif self.y + BALL_RADIUS > self.height:
            self.y, self.vy = 2 * (self.height - BALL_RADIUS) - self.y, -abs(self.vy)

        if self.vx < 0 and circle_rect_overlap((self.x, self.y), BALL_RADIUS, self.player_rect()):
            self.hit(self.player_y, 1, PLAYER_X + PADDLE_W + BALL_RADIUS)
        elif self.vx > 0 and circle_rect_overlap((self.x, self.y), BALL_RADIUS, self.cpu_rect()):
            self.hit(self.cpu_y, -1, self.width - PLAYER_X - PADDLE_W - BALL_RADIUS)

        if self.x + BALL_RADIUS < 0:
            self.score[1] += 1
            self.serve(towards=1)
        elif self.x - BALL_RADIUS > self.width:
            self.score[0] += 1
            self.serve(towards=-1)

        step = CPU_SPEED * dt
        self.cpu_y = self.clamp_paddle(self.cpu_y + max(-step, min(step, self.y - self.cpu_y)))

    def hit(self, paddle_y, direction, x):
        """Send the ball back; the further from the paddle's centre it hits, the steeper it leaves."""
        offset = max(-1.0, min(1.0, (self.y - paddle_y) / (PADDLE_H / 2)))
        self.vx = abs(self.vx) * direction
        self.vy = offset * MAX_VY
        self.x = x

    def draw(self, screen):
        screen.fill(BACKGROUND)
        for y in range(0, self.height, 20):
            pygame.draw.rect(screen, NET, (self.width // 2 - 1, y + 5, 2, 10))
        for i, points in enumerate(self.score):
            text = self.font.render(str(points), True, FOREGROUND)
            screen.blit(text, text.get_rect(center=(self.width * (1 + 2 * i) // 4, 30)))
        for x, y, w, h in (self.player_rect(), self.cpu_rect()):
            pygame.draw.rect(screen, FOREGROUND, (x, round(y), w, h))
        pygame.draw.circle(screen, FOREGROUND, (round(self.x), round(self.y)), BALL_RADIUS)

    def state(self):
        return {
            "ball": {"x": self.x, "y": self.y, "vx": self.vx, "vy": self.vy},
            "player_y": self.player_y,
            "cpu_y": self.cpu_y,
            "score": list(self.score),
        }


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Pong")
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
