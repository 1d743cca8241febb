"""Catch the falling fruit: a score, three lives, game over and a restart that keeps the best score."""

import math
import random

import pygame

WIDTH, HEIGHT = 320, 240
FPS = 60
BACKGROUND = (15, 25, 45)
BASKET_COLOUR = (200, 140, 60)
FRUIT_COLOUR = (230, 50, 60)
TEXT_COLOUR = (240, 240, 240)

BASKET_WIDTH, BASKET_HEIGHT = 60, 12
BASKET_SPEED = 300  # pixels per second
FRUIT_RADIUS = 10
FALL_SPEED = 120  # pixels per second
SPAWN_EVERY = 1.0  # seconds
LIVES = 3


def circle_rect_overlap(centre, radius, rect):
    cx, cy = centre
    x, y, w, h = rect
    nearest_x = max(x, min(cx, x + w))
    nearest_y = max(y, min(cy, y + h))
    return math.hypot(cx - nearest_x, cy - nearest_y) < radius


class Game:
    def __init__(self, screen):
        self.width, self.height = screen.get_size()
        self.font = pygame.font.Font(None, 24)
        self.big_font = pygame.font.Font(None, 40)
        self.random = random.Random()
        self.best = 0
        self.reset()

    def reset(self):
        self.basket_x = (self.width - BASKET_WIDTH) / 2
        self.fruits = []
        self.spawn_timer = 0.0
        self.score = 0
        self.lives = LIVES
        self.over = False

    def basket_rect(self):
        return (self.basket_x, self.height - 24, BASKET_WIDTH, BASKET_HEIGHT)

    def handle_event(self, event):
        if self.over and event.type == pygame.KEYDOWN and event.key == pygame.K_RETURN:
            self.reset()

    def update(self, dt):
        if self.over:
            return
        keys = pygame.key.get_pressed()
        direction = keys[pygame.K_RIGHT] - keys[pygame.K_LEFT]
        self.basket_x += direction * BASKET_SPEED * dt
        self.basket_x = max(0, min(self.basket_x, self.width - BASKET_WIDTH))

        self.spawn_timer -= dt
        if self.spawn_timer <= 0:
            self.spawn_timer += SPAWN_EVERY
            x = self.random.uniform(FRUIT_RADIUS, self.width - FRUIT_RADIUS)
            self.fruits.append([x, -FRUIT_RADIUS])

        basket = self.basket_rect()
        falling = []
        for x, y in self.fruits:
            y += FALL_SPEED * dt
            if circle_rect_overlap((x, y), FRUIT_RADIUS, basket):
                self.score += 1
                self.best = max(self.best, self.score)
            else:
                if y - FRUIT_RADIUS > self.height:
                    self.lives -= 1
                falling.append([x, y])
        self.fruits = falling
        if self.lives <= 0:
            self.lives = 0
            self.over = True

    def draw(self, screen):
        screen.fill(BACKGROUND)
        for x, y in self.fruits:
            pygame.draw.circle(screen, FRUIT_COLOUR, (round(x), round(y)), FRUIT_RADIUS)
        x, y, w, h = self.basket_rect()
        pygame.draw.rect(screen, BASKET_COLOUR, (round(x), y, w, h))
        hud = f"Score: {self.score}   Lives: {self.lives}   Best: {self.best}"
        screen.blit(self.font.render(hud, True, TEXT_COLOUR), (8, 8))
        if self.over:
            text = self.big_font.render("GAME OVER", True, TEXT_COLOUR)
            screen.blit(text, text.get_rect(center=(self.width // 2, self.height // 2 - 12)))
            hint = self.font.render("press RETURN to play again", True, TEXT_COLOUR)
            screen.blit(hint, hint.get_rect(center=(self.width // 2, self.height // 2 + 18)))

    def state(self):
        return {
            "basket_x": self.basket_x,
            "fruits": [list(f) for f in self.fruits],
            "score": self.score,
            "lives": self.lives,
            "best": self.best,
            "over": self.over,
        }


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Catch the fruit")
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
