

class Game:
    def __init__(self, screen):
        self.width, self.height = screen.get_size()
        self.x = self.width / 2 - 20

    def handle_event(self, event):
        pass

    def update(self, dt):
        pass  # TODO: move with the arrow keys

    def draw(self, screen):
        screen.fill((0, 0, 0))

    def state(self):
        return {"x": self.x}
