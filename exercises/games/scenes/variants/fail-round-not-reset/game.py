"""Game scenes: a menu, the game, a pause and a game-over screen, switched by key presses."""

import pygame

WIDTH, HEIGHT = 320, 240
FPS = 60
ROUND_TIME = 10.0  # seconds
BACKGROUNDS = {
    "menu": (20, 20, 60),
    "play": (0, 0, 0),
    "paused": (40, 40, 40),
    "over": (60, 0, 0),
}
TEXT = (255, 255, 255)


class Game:
    def __init__(self, screen):
        self.width, self.height = screen.get_size()
        self.big_font = pygame.font.Font(None, 48)
        self.font = pygame.font.Font(None, 24)
        self.scene = "menu"
        self.running = True
        self.score = 0
        self.best = 0
        self.time_left = ROUND_TIME

    # events: each scene handles its own keys, and only the current scene sees an event

    def handle_event(self, event):
        if event.type == pygame.QUIT:
            self.running = False
        elif event.type == pygame.KEYDOWN:
            handler = getattr(self, f"key_in_{self.scene}")
            handler(event.key)

    def key_in_menu(self, key):
        if key == pygame.K_RETURN:
            self.scene = "play"
        elif key == pygame.K_ESCAPE:
            self.running = False

    def key_in_play(self, key):
        if key == pygame.K_SPACE:
            self.score += 1
        elif key == pygame.K_p:
            self.scene = "paused"
        elif key == pygame.K_ESCAPE:
            self.scene = "menu"

    def key_in_paused(self, key):
        if key == pygame.K_p:
            self.scene = "play"
        elif key == pygame.K_ESCAPE:
            self.scene = "menu"

    def key_in_over(self, key):
        if key == pygame.K_RETURN:
            self.scene = "menu"

    def update(self, dt):
        if self.scene != "play":
            return
        self.time_left -= dt
        if self.time_left <= 0:
            self.time_left = 0.0
            self.best = max(self.best, self.score)
            self.scene = "over"

    # drawing: one method per scene

    def text(self, screen, message, y, font=None):
        surface = (font or self.font).render(message, True, TEXT)
        screen.blit(surface, surface.get_rect(center=(self.width // 2, y)))

    def draw(self, screen):
        screen.fill(BACKGROUNDS[self.scene])
        getattr(self, f"draw_{self.scene}")(screen)

    def draw_menu(self, screen):
        self.text(screen, "SPACE RACE", 80, self.big_font)
        self.text(screen, "press RETURN to start", 140)
        self.text(screen, f"best: {self.best}", 170)

    def draw_play(self, screen):
        self.text(screen, f"{self.score}", 100, self.big_font)
        self.text(screen, "tap SPACE as fast as you can!", 150)
        self.text(screen, f"time left: {self.time_left:.1f} s   P pause", 180)

    def draw_paused(self, screen):
        self.text(screen, "PAUSED", 100, self.big_font)
        self.text(screen, "P to go on, ESCAPE for the menu", 150)

    def draw_over(self, screen):
        self.text(screen, "TIME UP", 80, self.big_font)
        self.text(screen, f"score: {self.score}   best: {self.best}", 130)
        self.text(screen, "press RETURN for the menu", 170)

    def state(self):
        return {"scene": self.scene, "score": self.score, "best": self.best, "time_left": self.time_left,
                "running": self.running}


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Space race")
    clock = pygame.time.Clock()
    game = Game(screen)
    while game.running:
        for event in pygame.event.get():
            game.handle_event(event)
        game.update(clock.tick(FPS) / 1000)
        game.draw(screen)
        pygame.display.flip()
    pygame.quit()


if __name__ == "__main__":
    main()
